/** How the bytes of a text file were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText { text: string; encoding: TextEncodingName }

/**
 * Bytes → text. UTF-8 is tried first with a fatal decoder: GB18030 text is almost never
 * valid UTF-8 (its two-byte sequences break UTF-8's continuation rules), while UTF-8 text
 * read as GB18030 would silently become mojibake. So a clean UTF-8 decode wins, and
 * anything else is read as GB18030 (a superset of GBK and GB2312, what Excel in China
 * writes as "ANSI"). Both decoders exist in browsers and in Node's full-ICU builds.
 */
export function decodeText(bytes: Uint8Array, partial = false): DecodedText {
  // `partial`: the bytes are a prefix of the file; a character cut at the end is left out, not an error.
  const options = { stream: partial };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3), options), encoding: 'utf-8-bom' };
  }
  // Excel's "Unicode text" export is UTF-16 with a BOM.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2), options), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2), options), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, options), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes, options), encoding: 'gb18030' };
  }
}
