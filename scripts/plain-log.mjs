// Makes a tool's terminal output fit for a log file (issue "polished", 15): wxt build draws a
// spinner with escape codes and carriage returns whether or not its output is a terminal, and
// neither CI=true nor an option turns it off.

/** `text` without ANSI escape sequences; of each line redrawn with \r (spinner frames), only the last drawing. */
export function plainLog(text) {
  return text
    .replace(/\x1B\[[0-?]*[ -/]*[@-~]/g, '')
    .split('\n')
    .map((line) => line.split('\r').filter(Boolean).at(-1) ?? '')
    .join('\n');
}
