/** The languages of the product. Kept apart from index.ts so that its helpers import it without a circle. */
export type Language = 'zh' | 'en';

/** Replace {name} placeholders; a placeholder without a value stays as it is. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
