import { describe, expect, it } from 'vitest';
import { CATEGORIES, OTHER_CATEGORY } from '../../src/domain/categories';
import { CHANNELS, CLOSED_LEVELS, OUTCOMES, SATISFACTIONS, SEVERITIES, STATUSES } from '../../src/domain/events';
import { UNIT_LEVELS } from '../../src/domain/units';
import { format, LANGUAGES, messages, vocabLabel, type Vocabulary } from '../../src/i18n';

/** Every leaf of a dictionary as "a.b.c" → value. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [p, v] of leaves(inner, path ? `${path}.${key}` : key)) out.set(p, v);
  } else out.set(path, value);
  return out;
}

/** Department names the demo data carries (scripts/generate/events.ts adds the township office). */
const DEPARTMENTS = [...new Set([...CATEGORIES.map((c) => c.department), '乡镇（街道）'])];

const CODES: Record<Vocabulary, readonly (string | number)[]> = {
  category: [...CATEGORIES.map((c) => c.code), OTHER_CATEGORY.code],
  subcategory: CATEGORIES.flatMap((c) => c.subcategories),
  department: DEPARTMENTS,
  channel: CHANNELS,
  status: STATUSES,
  closedLevel: CLOSED_LEVELS,
  outcome: OUTCOMES,
  satisfaction: SATISFACTIONS,
  severity: SEVERITIES,
  unitLevel: UNIT_LEVELS,
};

describe('the dictionaries', () => {
  const zh = leaves(messages('zh'));
  const en = leaves(messages('en'));

  it('have exactly the same keys in zh and en, recursively', () => {
    expect(zh.size).toBeGreaterThan(300);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('hold only non-empty strings', () => {
    for (const [language, dictionary] of [['zh', zh], ['en', en]] as const) {
      const bad = [...dictionary].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${language}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const names = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    // The Chinese intake sentence leaves out the briefing kind, which English starts with.
    const differ = [...zh].filter(([k, v]) => k !== 'briefing.summaryText.intake' && names(v).join() !== names(en.get(k)).join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('translate English words out of the Chinese dictionary and back (no untranslated entry in en)', () => {
    // A Chinese character in an English entry is a missed translation; the key may name Chinese data (subcategories, departments).
    const untranslated = [...en].filter(([k, v]) => /[\u4e00-\u9fff]/.test(String(v)) && k !== 'language').map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('vocabLabel', () => {
  it('names every code of every vocabulary in both languages, never with the code itself', () => {
    for (const language of LANGUAGES) {
      for (const [vocabulary, codes] of Object.entries(CODES) as [Vocabulary, readonly (string | number)[]][]) {
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) {
          const label = vocabLabel(language, vocabulary, code);
          expect(label, `${language} ${vocabulary} ${code}`).not.toBe('');
          expect(label, `${language} ${vocabulary} ${code}`).not.toBe(format(messages(language).vocab.otherWithText, { text: code }));
          // A Chinese name may be its own Chinese label; a code never is its label.
          if (language === 'en' || /^[\x20-\x7e]+$/.test(String(code))) expect(label, `${language} ${vocabulary} ${code}`).not.toBe(String(code));
        }
      }
    }
  });

  it('shows the Chinese UI the leaks of issue #13 as words', () => {
    expect(vocabLabel('zh', 'satisfaction', 'satisfied')).toBe('满意');
    expect(vocabLabel('zh', 'closedLevel', 'township')).toBe('乡镇（街道）');
    expect(vocabLabel('zh', 'severity', 1)).toBe('一般');
    expect(vocabLabel('zh', 'severity', '4')).toBe('特别重大');
    expect(vocabLabel('en', 'department', '交警')).toBe('Traffic Police');
    expect(vocabLabel('en', 'subcategory', '占道停车')).toBe('Parking on the road');
  });

  it('shows an unknown code as "Other" with the text as given, and an unknown name as given', () => {
    expect(vocabLabel('zh', 'channel', 'fax')).toBe('其他（fax）');
    expect(vocabLabel('en', 'status', 'archived')).toBe('Other (archived)');
    expect(vocabLabel('en', 'severity', 7)).toBe('Other (7)');
    expect(vocabLabel('en', 'department', 'Parks Department')).toBe('Parks Department');
    expect(vocabLabel('zh', 'subcategory', '树木倒伏')).toBe('树木倒伏');
  });

  it('reads an empty value as a dash, an empty category as uncategorised', () => {
    expect(vocabLabel('en', 'satisfaction', null)).toBe('—');
    expect(vocabLabel('zh', 'category', '')).toBe('（未分类）');
  });

  it('does not take inherited object keys for codes', () => {
    expect(vocabLabel('en', 'channel', 'constructor')).toBe('Other (constructor)');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} of {b} {c}', { a: 1, b: 'two' })).toBe('1 of two {c}');
  });

  it('does not read placeholders inside the values it fills in', () => {
    expect(format('{unit}社会治理一张图', { unit: '{x}区' })).toBe('{x}区社会治理一张图');
  });
});
