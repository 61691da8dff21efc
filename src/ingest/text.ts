/**
 * Free text from citizens is kept as data, exactly as written, with two exceptions that
 * protect the pipeline rather than the reader: control characters are removed (NUL cuts
 * strings in DuckDB and C tools; escape sequences can drive terminals and log viewers),
 * and very long values are cut so one hostile cell cannot exhaust memory or the layout.
 * HTML, script and SQL payloads are left alone: they are rendered as text and quoted
 * by src/sql/literal.ts, never interpreted.
 */

/** Longest text kept in one cell; longer values are cut and flagged doubtful. */
export const MAX_TEXT_LENGTH = 4000;

// C0 controls except tab, LF and CR; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface CleanText { value: string; hadControl: boolean; wasCut: boolean }

/** The text without control characters and at most `maxLength` characters long, with what was changed. */
export function cleanText(value: string, maxLength = MAX_TEXT_LENGTH): CleanText {
  const hadControl = HAS_CONTROL.test(value);
  let text = hadControl ? value.replace(CONTROL, '') : value;
  const wasCut = text.length > maxLength;
  if (wasCut) {
    text = text.slice(0, maxLength);
    // Do not leave half of a surrogate pair at the cut.
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  }
  return { value: text, hadControl, wasCut };
}
