/** One statement of a script, with where it starts in the editor's text. */
export interface Statement { text: string; offset: number }

/**
 * Split a script at the semicolons that end statements, skipping those inside strings,
 * quoted identifiers, dollar-quoted text and comments. The console runs the statements in
 * turn and shows the last result: duckdb-wasm given several statements at once returns the
 * first result and drops the error positions.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const raw = script.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0 && !isOnlyComments(text)) statements.push({ text, offset: start + lead });
  };
  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === "'" || c === '"') {
      i = skipQuoted(script, i, c);
    } else if (c === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end < 0 ? script.length : end + tag.length;
      } else i++;
    } else if (c === ';') {
      push(i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(script.length);
  return statements;
}

/** Past a quoted string or identifier; a doubled quote is an escaped one. */
function skipQuoted(script: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return script.length;
}

function isOnlyComments(text: string): boolean {
  return text.replace(/--[^\n]*(\n|$)/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim().length === 0;
}
