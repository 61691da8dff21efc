// Digits as citizens type them: ASCII or full-width (common with Chinese input methods).
const D = '[0-9０-９]';
// Mainland mobile numbers (11 digits from 13x–19x), optionally with +86 and with spaces or
// hyphens between the groups, not glued to other digits so that order numbers are left alone.
const PHONE = new RegExp(`(?<!${D})((?:[+＋]?(?:86|８６)[\\s-]?)?[1１][3-9３-９]${D})[\\s-]?(${D}{4})[\\s-]?(${D}{4})(?!${D})`, 'g');
// Resident ID numbers: 18 characters, the last may be X; not inside a longer run of digits.
const ID_NUMBER = new RegExp(`(?<!${D})(${D}{6})(${D}{8})(${D}{3}[${D.slice(1, -1)}Xx])(?![0-9０-９Xx])`, 'g');

/**
 * Mask personal data in citizens' free text before it is shown or exported: phone numbers
 * keep their first 3 and last 4 digits, ID numbers their region code and last 4.
 */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, (_, region: string, _birth: string, tail: string) => `${region}********${tail}`)
    .replace(PHONE, (_, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}
