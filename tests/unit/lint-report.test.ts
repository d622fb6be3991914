import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { lintLines } from '../../scripts/lint-report.mjs';

describe('web-ext lint report in the test log', () => {
  it('shows every warning it counts, indented under the summary', () => {
    const lines = (lintLines as (r: unknown) => string[])({
      summary: { errors: 0, warnings: 2 },
      errors: [],
      warnings: [
        { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'content-scripts/page.js', line: 3 },
        { code: 'MANIFEST_FIELD_UNSUPPORTED', message: 'unsupported key', file: 'manifest.json' },
      ],
    });
    expect(lines).toEqual([
      'web-ext lint: 0 errors, 2 warnings',
      '  warning UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML (content-scripts/page.js:3)',
      '  warning MANIFEST_FIELD_UNSUPPORTED: unsupported key (manifest.json)',
    ]);
    // The runner counts lines starting "ok " / "FAILED "; details must not be counted.
    expect(lines.slice(1).every((l) => !/^(ok|FAILED) /.test(l))).toBe(true);
  });
});
