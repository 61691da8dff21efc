/**
 * Put text metadata into a PNG file (an iTXt chunk, UTF-8, before IEND), so that an
 * exported map image says which unit, period and filters it shows. Viewers ignore the
 * chunk; `exiftool` or readPngText show it.
 */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** A copy of `png` with an iTXt chunk `keyword` = `text` inserted before IEND. */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('Not a PNG file: the 8-byte signature is missing');
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`Invalid PNG text keyword "${keyword}": must be 1–79 printable Latin-1 characters`);
  const encoder = new TextEncoder();
  // iTXt: keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text.
  const body = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const chunk = new Uint8Array(12 + body.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, body.length);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(body, 8);
  view.setUint32(8 + body.length, crc32(chunk.subarray(4, 8 + body.length)));
  const iend = png.length - 12; // IEND is always the last, empty chunk
  if (new TextDecoder().decode(png.subarray(iend + 4, iend + 8)) !== 'IEND') throw new Error('Invalid PNG: it does not end with an IEND chunk');
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend));
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

/** The iTXt text chunks of a PNG, keyword → text (for tests and checks). */
export function readPngText(png: Uint8Array): Map<string, string> {
  const result = new Map<string, string>();
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder();
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    const type = decoder.decode(png.subarray(offset + 4, offset + 8));
    if (type === 'iTXt') {
      const body = png.subarray(offset + 8, offset + 8 + length);
      const keywordEnd = body.indexOf(0);
      let cursor = keywordEnd + 3;
      cursor = body.indexOf(0, cursor) + 1; // language tag
      cursor = body.indexOf(0, cursor) + 1; // translated keyword
      result.set(decoder.decode(body.subarray(0, keywordEnd)), decoder.decode(body.subarray(cursor)));
    }
    offset += 12 + length;
  }
  return result;
}
