// Mainland mobile numbers (11 digits from 13x–19x) and resident ID numbers (18 characters,
// the last may be X), not glued to other digits so that order numbers are left alone.
const PHONE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dXx])/g;

/**
 * Mask personal data in citizens' free text before it is shown or exported: phone numbers
 * keep their first 3 and last 4 digits, ID numbers their region code and last 4.
 */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, (_, region: string, _birth: string, tail: string) => `${region}********${tail}`)
    .replace(PHONE, (_, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}
