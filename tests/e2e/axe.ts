import axe from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core over CDP, shared by the accessibility checks of the end-to-end tests.

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.x A/AA violations in `selector` (the whole document by default), one line
 * each with the offending nodes. Evaluated over CDP rather than added as a script tag: extension
 * pages forbid inline scripts.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(`${axe.source};0`);
  return page.evaluate(async ([include, tags]) => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const result = await run(include ? { include: [include] } : document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  }, [selector ?? null, WCAG_AA] as const);
}
