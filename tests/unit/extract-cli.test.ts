import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8' });

describe('npm run extract', () => {
  it('prints one pretty JSON document for one file: layout, Readability page metadata, comments', () => {
    const out = run('seeds/pages/003-caschy.html');
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.layout).toBe('wp');
    expect(result.page).toMatchObject({
      url: 'https://stadt-bremerhaven.de/sony-xperia-offizielles-statement-zum-austausch-des-xperia-1-vii/',
      title: 'Sony Xperia: Offizielles Statement zum Austausch des Xperia 1 VII und dem Verkauf in Europa',
      siteName: 'Caschys Blog',
    });
    expect(Object.keys(result.page).sort()).toEqual(['byline', 'excerpt', 'publishedTime', 'siteName', 'title', 'url']);
    expect(result.comments).toHaveLength(9);
    expect(Object.keys(result.comments[0])).toEqual(['key', 'parentKey', 'depth', 'kind', 'author', 'publishedAt', 'permalink', 'text']);
  });

  it('prints one compact line per file for several files, and --jsonl for one', () => {
    const out = run('seeds/pages/000-phandroid.html', 'seeds/pages/no-comments.html');
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]).comments).toHaveLength(46);
    expect(JSON.parse(lines[1])).toMatchObject({ layout: null, comments: [] });
    expect(run('--jsonl', 'seeds/pages/001-xperiablog.html').stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports an unreadable file on stderr, finishes the others, and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-extract-'));
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    const out = run('missing.html', 'seeds/pages/003-caschy.html', dir, empty);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('cannot read missing.html: no such file');
    expect(out.stderr).toContain(`cannot read ${dir}: is a directory`);
    const lines = out.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.comments.length)).toEqual([9, 0]);
  });

  it('explains its usage when given no file', () => {
    const out = run();
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('usage: npm run --silent extract -- [--jsonl] [--generic] FILE...');
  });
});
