import { analyse } from 'chardet';
import type { TextEncodingName } from './decode';

/** How an encoding was told: a byte-order mark, a clean strict UTF-8 decode, UTF-16's zero bytes, the detector, or the CJK byte-pair tie-break. */
export type EncodingEvidence = 'bom' | 'utf-8' | 'utf-16-zeros' | 'detector' | 'cjk-pairs' | 'fallback';

export interface EncodingCandidate { encoding: TextEncodingName; confidence: number }

/** The encoding chosen for a file, with how sure it is (0–1) and the other candidates, best first. */
export interface EncodingGuess extends EncodingCandidate {
  evidence: EncodingEvidence;
  alternatives: EncodingCandidate[];
}

/** Bytes looked at for detection: enough for the detector's statistics, fast on a file of hundreds of MB. */
export const DETECT_BYTES = 64 * 1024;

/**
 * What the detector looks at: the first half of DETECT_BYTES, then whole lines holding
 * non-ASCII bytes from anywhere later in the file until DETECT_BYTES are gathered. An
 * English file's first 64 KB may be pure ASCII while its 56 "Transportation’s" rows come
 * later; a prefix alone would tell the detector nothing about them.
 */
export function detectionSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= DETECT_BYTES) return bytes;
  const head = DETECT_BYTES / 2;
  const sample = new Uint8Array(DETECT_BYTES);
  sample.set(bytes.subarray(0, head));
  let filled = head;
  let i = head;
  while (filled < DETECT_BYTES && i < bytes.length) {
    if (bytes[i]! < 0x80) { i++; continue; }
    let start = i;
    while (start > head && bytes[start - 1] !== 0x0a) start--;
    let end = i;
    while (end < bytes.length && bytes[end] !== 0x0a) end++;
    const line = bytes.subarray(start, Math.min(end + 1, start + DETECT_BYTES - filled));
    sample.set(line, filled);
    filled += line.length;
    i = end + 1;
  }
  return sample.subarray(0, filled);
}

/**
 * The detector's names mapped to the encodings offered here. The Latin-script single-byte
 * charsets it can report (ISO-8859-1/2/9, windows-1250/1254/1257/1258) differ from
 * windows-1252 in a few letters only, and a file in this app's reach that is not CJK is
 * almost always Western European, so they all count as windows-1252 (which, as in
 * browsers, also stands for ISO-8859-1).
 */
const DETECTOR_NAMES: Readonly<Record<string, TextEncodingName>> = {
  GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis',
  'windows-1252': 'windows-1252', 'ISO-8859-1': 'windows-1252', 'ISO-8859-2': 'windows-1252', 'ISO-8859-9': 'windows-1252',
  'windows-1250': 'windows-1252', 'windows-1254': 'windows-1252', 'windows-1257': 'windows-1252', 'windows-1258': 'windows-1252',
  'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be',
};
const CJK_ENCODINGS: readonly TextEncodingName[] = ['gb18030', 'big5', 'shift_jis'];

/**
 * UTF-16 without a BOM, from its zero bytes: text that is mostly ASCII (digits,
 * separators, Latin headers) has a zero in every other byte, at odd offsets in
 * little-endian and even ones in big-endian, and no legacy 8-bit encoding puts zeros in
 * text at all. The detector only recognises UTF-16 by its BOM, hence this check.
 */
function utf16FromZeros(sample: Uint8Array): EncodingCandidate | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const confidence = (zeros: number) => Math.round(Math.min(1, zeros / pairs + 0.3) * 100) / 100;
  if (oddZeros / pairs >= 0.3 && evenZeros / pairs <= 0.05) return { encoding: 'utf-16le', confidence: confidence(oddZeros) };
  if (evenZeros / pairs >= 0.3 && oddZeros / pairs <= 0.05) return { encoding: 'utf-16be', confidence: confidence(evenZeros) };
  return null;
}

/**
 * The share of high bytes (≥ 0x80) that come in pairs of two high bytes. Chinese in
 * GB18030 (and most Big5 and Shift-JIS text) writes each character as two such bytes,
 * while Windows-1252 text has lone accented letters and curly quotes between ASCII
 * letters ("Transportation’s" is …0x6E 0x92 0x73…). Short Chinese files give the
 * detector too little to go on; this shape does not need many characters.
 */
export function pairedHighByteShare(sample: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < 0x80) continue;
    if (sample[i]! >= 0x81 && i + 1 < sample.length && sample[i + 1]! >= 0x81) { high += 2; paired += 2; i++; } else high++;
  }
  return high === 0 ? 0 : paired / high;
}

function decodesCleanly(sample: Uint8Array, encoding: TextEncodingName): boolean {
  return !new TextDecoder(encoding, { fatal: false }).decode(sample, { stream: true }).includes('\ufffd');
}

/**
 * The encoding of bytes that are neither BOM-marked nor valid UTF-8, from their first
 * DETECT_BYTES: UTF-16 from its zero bytes, else the chardet library's ranking (a port of
 * ICU's detectors, see docs/ingest.md) on detectionSample, restricted to the encodings offered here. One
 * tie-break: when the detector's best is windows-1252 but the high bytes come in CJK-like
 * pairs and decode without error as a CJK encoding, that CJK encoding wins — the files
 * this app is for are mostly Chinese, and a short GB18030 file with few characters is
 * otherwise taken for a Latin one.
 */
export function guessLegacyEncoding(bytes: Uint8Array): EncodingGuess {
  const utf16 = utf16FromZeros(bytes.subarray(0, 8192));
  const sample = detectionSample(bytes);
  if (utf16) return { ...utf16, evidence: 'utf-16-zeros', alternatives: [] };
  const best = new Map<TextEncodingName, number>();
  for (const match of analyse(sample)) {
    const encoding = DETECTOR_NAMES[match.name];
    if (encoding && !best.has(encoding)) best.set(encoding, match.confidence / 100);
  }
  const ranked: EncodingCandidate[] = [...best].map(([encoding, confidence]) => ({ encoding, confidence })).sort((a, b) => b.confidence - a.confidence);
  const top = ranked[0];
  if (!top) return { encoding: 'gb18030', confidence: 0, evidence: 'fallback', alternatives: [] };
  const others = (chosen: TextEncodingName) => ranked.filter((c) => c.encoding !== chosen);
  if (top.encoding === 'windows-1252') {
    const share = pairedHighByteShare(sample);
    // Among CJK encodings the detector ranks equally, GB18030 first: this app is for Chinese cities.
    const cjkRanked = ranked.filter((c) => CJK_ENCODINGS.includes(c.encoding))
      .sort((a, b) => b.confidence - a.confidence || Number(b.encoding === 'gb18030') - Number(a.encoding === 'gb18030'));
    const cjk = cjkRanked.find((c) => decodesCleanly(sample, c.encoding))?.encoding
      ?? (decodesCleanly(sample, 'gb18030') ? 'gb18030' : null);
    if (share >= 0.8 && cjk) return { encoding: cjk, confidence: Math.round(share * 60) / 100, evidence: 'cjk-pairs', alternatives: others(cjk) };
  }
  return { ...top, evidence: 'detector', alternatives: others(top.encoding) };
}
