/**
 * Where in the statement a DuckDB error points. Its message ends with the offending line
 * and a caret under the spot:
 *
 *     LINE 1: SELECT * FORM events
 *                      ^
 *
 * DuckDB cuts long lines to a window marked with "...", so the shown text is looked up in
 * the real line rather than trusting the caret's column. Returns an offset into
 * `statement`, or null when the message has no position.
 */
export function errorOffset(message: string, statement: string): number | null {
  const match = /^LINE (\d+): (.*)\n( *)\^/m.exec(message);
  if (!match) return null;
  const lineNumber = Number(match[1]);
  const prefix = `LINE ${match[1]}: `.length;
  let shown = match[2]!;
  let caret = match[3]!.length - prefix;
  if (shown.startsWith('...')) { shown = shown.slice(3); caret -= 3; }
  if (shown.endsWith('...')) shown = shown.slice(0, -3);
  const lines = statement.split('\n');
  const line = lines[lineNumber - 1];
  if (line === undefined) return null;
  const lineStart = lines.slice(0, lineNumber - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const at = shown.length > 0 ? line.indexOf(shown) : 0;
  const column = Math.max(0, Math.min(line.length, (at < 0 ? 0 : at) + Math.max(0, caret)));
  return lineStart + column;
}

/** The first line of an error message, without the position block (for a short status). */
export function errorSummary(message: string): string {
  return message.split('\n')[0] ?? message;
}
