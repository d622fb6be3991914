import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the repository root (happy-dom gives import.meta.url no file: scheme).
const read = (...path: string[]) => JSON.parse(readFileSync(join(process.cwd(), ...path), 'utf8')) as unknown;
const ours = read('package.json') as { engines?: { node?: string }; devDependencies: Record<string, string> };

/** The lowest major a `>=N` / `^N || …` range admits. */
const floor = (range: string) => Math.min(...[...range.matchAll(/(\d+)(?:\.\d+)*/g)].map((m) => Number(m[1])));

// npm warns at install when a tool needs a newer Node than ours claims; a newcomer should read the
// requirement in package.json (and the README) instead of meeting it as a warning.
describe('package.json engines', () => {
  it('names a Node version at least as new as every dev tool needs', () => {
    expect(ours.engines?.node).toBeDefined();
    const need = Object.keys(ours.devDependencies).map((name) => {
      const engines = (read('node_modules', name, 'package.json') as { engines?: { node?: string } }).engines;
      return { name, floor: engines?.node ? floor(engines.node) : 0 };
    });
    const ourFloor = floor(ours.engines!.node!);
    expect(need.filter((n) => n.floor > ourFloor)).toEqual([]);
  });
});
