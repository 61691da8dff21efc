/**
 * Characters that suggest the file was decoded with the wrong encoding, shown to the user
 * next to the encoding guess so that a wrong guess is seen before anything is loaded.
 */
export interface SuspiciousText {
  /** Source line number (1 = first line of the file). */
  line: number;
  /** A few characters either side of the first suspicious one. */
  snippet: string;
  /** The suspicious characters on that line, each once. */
  characters: string;
}

/** Characters of the decoded text scanned: the start of the file tells as much as all of it. */
const SCAN_CHARS = 256 * 1024;
const SNIPPET_RADIUS = 20;

// U+FFFD (bytes the encoding cannot read) and C1 controls (bytes 0x80–0x9F read as Latin-1, or undefined windows-1252 bytes).
// eslint-disable-next-line no-control-regex
const UNDECODABLE = /[\ufffd\u0080-\u009f]/g;
// UTF-8 read as windows-1252: "â€™" for ’, "Ã©" for é — a lead byte's letter followed by a continuation byte's symbol.
const UTF8_AS_LATIN = /[ÃÂâ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;
// CJK read as windows-1252: runs of accented capitals and lower-case letters no Latin language writes three in a row.
const CJK_AS_LATIN = /[\u00c0-\u00ff]{3,}/g;
// A CJK ideograph, kana or Hangul glued to a Latin letter: "Transportation抯" (windows-1252 read as GB18030).
const CJK_NEXT_TO_LATIN = /[A-Za-z][\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff][A-Za-z]/g;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Up to `limit` lines from the start of the text holding typical mojibake. A CJK character
 * next to a Latin letter is only suspicious in text that is mostly Latin: Chinese files
 * legitimately write "App上报" or "12345热线".
 */
export function findSuspiciousText(text: string, limit = 10): SuspiciousText[] {
  const scanned = text.slice(0, SCAN_CHARS);
  const mostlyLatin = (scanned.match(CJK)?.length ?? 0) < 0.05 * (scanned.match(LATIN)?.length ?? 0);
  const patterns = [UNDECODABLE, UTF8_AS_LATIN, CJK_AS_LATIN, ...(mostlyLatin ? [CJK_NEXT_TO_LATIN] : [])];
  const found: SuspiciousText[] = [];
  const lines = scanned.split(/\r\n|\n|\r/);
  for (let k = 0; k < lines.length && found.length < limit; k++) {
    const line = lines[k]!;
    let first = Infinity;
    const characters = new Set<string>();
    for (const pattern of patterns) {
      for (const match of line.matchAll(pattern)) {
        first = Math.min(first, match.index);
        // The Latin neighbour of a CJK character is not itself suspicious.
        for (const c of match[0]) if (pattern !== CJK_NEXT_TO_LATIN || !/[A-Za-z]/.test(c)) characters.add(c);
      }
    }
    if (characters.size === 0) continue;
    const start = Math.max(0, first - SNIPPET_RADIUS);
    const snippet = `${start > 0 ? '…' : ''}${line.slice(start, first + SNIPPET_RADIUS)}${first + SNIPPET_RADIUS < line.length ? '…' : ''}`;
    found.push({ line: k + 1, snippet, characters: [...characters].join('') });
  }
  return found;
}
