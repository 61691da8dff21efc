import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Citizens' text (descriptions, addresses) and user files reach the page: nothing in src/
 * may turn text into HTML or code. This scans the source for the ways that can happen.
 * The policy (CSP, src/security/csp.ts) is the second line: it blocks eval and inline
 * scripts even if one slips through, but not innerHTML with an <img onerror> payload's markup.
 */
const DANGEROUS: { name: string; pattern: RegExp }[] = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\.write(ln)?\s*\(/ },
  // Any use of the name: eval(x), window.eval(x), (0, eval)(x); not 'unsafe-eval' in a CSP text.
  { name: 'eval', pattern: /(?<![\w$-])eval\b(?![\w$-])/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'timer with a string', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/i },
  { name: 'javascript: URL', pattern: /javascript:/i },
];

/**
 * Reviewed exceptions: file (relative to the repository), the pattern's name, and why it is
 * safe. Empty today; an entry needs a reason a reviewer can check.
 */
interface Exception { file: string; name: string; reason: string }
const ALLOWED: readonly Exception[] = [];

interface Finding { file: string; line: number; name: string; text: string }

/** Lines that are wholly comments may name a pattern (to forbid it); code may not. */
const isCommentLine = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

function findDangerousUses(files: { file: string; text: string }[], allowed: readonly Exception[] = ALLOWED): Finding[] {
  const findings: Finding[] = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, index) => {
      if (isCommentLine(line)) return;
      for (const { name, pattern } of DANGEROUS) {
        if (pattern.test(line) && !allowed.some((a) => a.file === file && a.name === name)) findings.push({ file, line: index + 1, name, text: line.trim() });
      }
    });
  }
  return findings;
}

/**
 * What is wrong with the exceptions: a reason too short to review, a pattern name that is
 * not one of DANGEROUS, a file that does not exist, or an entry that excuses nothing (stale).
 */
function exceptionProblems(allowed: readonly Exception[], files: { file: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const entry of allowed) {
    const where = `${entry.file} (${entry.name})`;
    if (entry.reason.trim().length < 20) problems.push(`${where}: the reason is too short to review`);
    if (!DANGEROUS.some((d) => d.name === entry.name)) problems.push(`${where}: no such pattern`);
    const source = files.find((f) => f.file === entry.file);
    if (!source) problems.push(`${where}: no such file`);
    else if (findDangerousUses([source], []).every((f) => f.name !== entry.name)) problems.push(`${where}: excuses nothing`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML or code made from text', () => {
  const files = [...sourceFiles('src'), 'index.html'].map((path) => ({ file: relative('.', path), text: readFileSync(path, 'utf8') }));

  it('src/ and index.html use none of the dangerous sinks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(findDangerousUses(files)).toEqual([]);
  });

  it('every exception names a real pattern in a file that exists, excuses a use there and gives a reason', () => {
    expect(exceptionProblems(ALLOWED, files)).toEqual([]);
  });

  it('an exception excuses only its own file and pattern, and a bad one is caught', () => {
    const planted = [{ file: 'src/planted.tsx', text: 'el.innerHTML = sanitized;\nconst v = eval(text);' }];
    const exception: Exception = { file: 'src/planted.tsx', name: 'innerHTML', reason: 'sanitized by a reviewed library before it gets here' };
    expect(findDangerousUses(planted, [exception]).map((f) => f.name)).toEqual(['eval']);
    expect(exceptionProblems([exception], planted)).toEqual([]);
    expect(exceptionProblems([{ ...exception, reason: 'fine' }], planted)).toEqual([expect.stringContaining('too short')]);
    expect(exceptionProblems([{ ...exception, file: 'src/gone.tsx' }], planted)).toEqual([expect.stringContaining('no such file')]);
    expect(exceptionProblems([{ ...exception, name: 'srcdoc' }], planted)).toEqual([expect.stringContaining('excuses nothing')]);
    expect(exceptionProblems([{ ...exception, name: 'innerHtml' }], planted)).toEqual([expect.stringContaining('no such pattern'), expect.stringContaining('excuses nothing')]);
  });

  it.each([
    ['el.innerHTML = event.description;', 'innerHTML'],
    ['<div dangerouslySetInnerHTML={{ __html: row.address }} />', 'dangerouslySetInnerHTML'],
    ['const f = new Function("row", code);', 'new Function'],
    ['const v = eval(text);', 'eval'],
    ['window.eval(text);', 'eval'],
    ['(0, eval)(text);', 'eval'],
    ["script-src 'self' 'wasm-unsafe-eval'", null],
    ['document.write(html);', 'document.write'],
    ['setTimeout("refresh()", 10);', 'timer with a string'],
    ['node.insertAdjacentHTML("beforeend", s);', 'insertAdjacentHTML'],
    ['a.href = "javascript:alert(1)";', 'javascript: URL'],
    ['// never use innerHTML here', null],
    ['const evaluate = (x) => x; evaluate(1);', null],
  ])('on the planted line %s finds %s', (line, name) => {
    const found = findDangerousUses([{ file: 'planted.tsx', text: line }]).map((f) => f.name);
    // null: comments and look-alikes, which must not be flagged.
    if (name === null) expect(found).toEqual([]);
    else expect(found).toContain(name);
  });
});
