import { guessLegacyEncoding, type EncodingGuess } from './encoding-guess';

/**
 * How the bytes of a text file are decoded: a WHATWG encoding label (what TextDecoder takes
 * in browsers and in Node's full-ICU builds), plus 'utf-8-bom' to say a BOM was seen.
 * windows-1252 also stands for ISO-8859-1 (Latin-1), as in every browser.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis' | 'windows-1252';

/** The encodings a user can pick to override the guess, in the order the page lists them. */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis', 'windows-1252'];

export interface DecodedText {
  text: string;
  /** The encoding used: the guess, or the caller's override. */
  encoding: TextEncodingName;
  /** What detection found, whether or not it was used. */
  guess: EncodingGuess;
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  // Excel's "Unicode text" export is UTF-16 with a BOM.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** windows-1252's bytes 0x80–0x9F (WHATWG's table: the five it leaves undefined stay C1 controls). */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * windows-1252 decoded here rather than by TextDecoder: Node's TextDecoder (v20) takes it
 * for ISO-8859-1 and turns ’ (0x92) into the control U+0092, which would make the tests
 * disagree with browsers. Every other byte is its own code point. Decoded in slices so that
 * String.fromCharCode never gets more arguments than an engine allows.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const SLICE = 32_768;
  const codes = new Uint16Array(Math.min(SLICE, bytes.length));
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join('');
}

/** The bytes in one encoding, never failing: bytes that do not fit become U+FFFD (shown to the user as suspicious). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName, partial = false): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // TextDecoder drops a BOM of its own encoding (ignoreBOM is false), so a forced UTF-8 or UTF-16 read of a marked file loses it too.
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(bytes, { stream: partial });
}

/**
 * Bytes → text. A BOM wins. Then UTF-8 is tried with a fatal decoder: legacy encodings
 * are almost never valid UTF-8 (their high bytes break UTF-8's continuation rules), while
 * UTF-8 read as anything else silently becomes mojibake, so a clean UTF-8 decode wins.
 * Only then is the encoding guessed (encoding-guess.ts) from the first bytes. `override`
 * decodes with the user's choice instead; the guess is still returned for the page.
 */
export function decodeText(bytes: Uint8Array, partial = false, override?: TextEncodingName): DecodedText {
  // `partial`: the bytes are a prefix of the file; a character cut at the end is left out, not an error.
  const bom = bomEncoding(bytes);
  let utf8: string | null = null;
  if (!bom) {
    try {
      utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: partial });
    } catch {
      utf8 = null;
    }
  }
  const guess: EncodingGuess = bom ? { encoding: bom, confidence: 1, evidence: 'bom', alternatives: [] }
    : utf8 !== null ? { encoding: 'utf-8', confidence: 1, evidence: 'utf-8', alternatives: [] }
    : guessLegacyEncoding(bytes);
  const encoding = override ?? guess.encoding;
  if (encoding === 'utf-8' && utf8 !== null) return { text: utf8, encoding, guess };
  if (encoding === 'utf-8-bom' && bom === 'utf-8-bom') return { text: decodeAs(bytes.subarray(3), 'utf-8', partial), encoding, guess };
  return { text: decodeAs(bytes, encoding, partial), encoding, guess };
}
