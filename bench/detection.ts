import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { timeDetection as InPage } from './in-page';

/** bench/in-page.ts and the layout code bundled for a plain page, exposed as `window.CommentBench`. */
export async function benchBundle(): Promise<string> {
  const result = await build({
    entryPoints: ['bench/in-page.ts'], bundle: true, format: 'iife', globalName: 'CommentBench',
    write: false, minify: true, target: 'chrome120',
  });
  return result.outputFiles[0].text;
}

/** A figure's target and whether it is met, as the bench prints it beside the figure: "(target < 50 ms: met)". */
export const met = (value: number, target: number, unit = 'ms') => `(target < ${target} ${unit}: ${value < target ? 'met' : 'NOT met'})`;

/** Median and 95th percentile of samples, in ms. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs the in-page timing (the bundle must be on the page). */
export function timeDetection(page: Page, samples: number, inner: number): Promise<ReturnType<typeof InPage>> {
  return page.evaluate(`CommentBench.timeDetection(${samples}, ${inner})`);
}
