// Turns web-ext lint's JSON report into lines for the test log: the summary, then each warning and
// error with its code, message and file, so what is counted is also shown (issue "polished", 15).

/** The summary line and one indented line per lint message (`code: message (file:line)`). */
export function lintLines(report) {
  const { summary, errors = [], warnings = [] } = report;
  const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
  return [
    `web-ext lint: ${summary.errors} errors, ${summary.warnings} warnings`,
    ...errors.map((m) => `  error ${m.code}: ${m.message}${where(m)}`),
    ...warnings.map((m) => `  warning ${m.code}: ${m.message}${where(m)}`),
  ];
}
