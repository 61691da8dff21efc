import { CATEGORIES, OTHER_CATEGORY as OTHER } from '../domain/categories';
import { CHANNELS, CLOSED_LEVELS, OUTCOMES, SATISFACTIONS, STATUSES, type Channel, type ClosedLevel, type EventStatus, type Outcome, type Satisfaction } from '../domain/events';
import { MESSAGES, vocabLabel } from '../i18n';

/**
 * Source values → OneMap codes. Codes themselves, their Chinese and English names in the
 * dictionary (src/i18n), and the words of common exports are recognised; anything else is
 * "unknown", which the validator reports rather than guesses.
 */

/** The code given to a category the taxonomy does not know (see docs/ingest.md). */
export const OTHER_CATEGORY_CODE = OTHER.code;

function key(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_\-]+/g, ' ');
}

function table<T extends string>(codes: readonly T[], pairs: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) map.set(key(code), code);
  for (const [word, code] of Object.entries(pairs)) map.set(key(word), code);
  return map;
}

const CHANNEL_WORDS = table<Channel>(CHANNELS, {
  ...Object.fromEntries(CHANNELS.flatMap((c) => [[MESSAGES.zh.vocab.channel[c], c], [MESSAGES.en.vocab.channel[c], c]])),
  '12345': 'hotline', '热线': 'hotline', '电话': 'hotline', '来电': 'hotline', 'phone': 'hotline', '311': 'hotline',
  'online': 'app', 'mobile': 'app', 'web': 'app', '微信': 'app', '网站': 'app', 'email': 'app', '人眼': 'app',
  '视频': 'camera', '天眼': 'camera', '雪亮工程': 'camera', '物联': 'sensor', '地眼': 'sensor', '传感器': 'sensor',
  '巡查': 'patrol', '网格员': 'patrol', '网格员上报': 'patrol', '转办': 'transfer', '部门移交': 'transfer',
});

const STATUS_WORDS = table<EventStatus>(STATUSES, {
  '待受理': 'reported', '待派遣': 'reported', '已上报': 'reported', 'open': 'reported', 'new': 'reported',
  '已派遣': 'dispatched', '已派单': 'dispatched', '已交办': 'dispatched', 'assigned': 'dispatched',
  '已受理': 'accepted', '处置中': 'accepted', '办理中': 'accepted', '已签收': 'accepted', 'in progress': 'accepted', 'started': 'accepted', 'pending': 'accepted',
  '已处置': 'resolved', '处置完成': 'resolved',
  '已办结': 'closed', '办结': 'closed', '已结案': 'closed', '结案': 'closed', '已关闭': 'closed',
  '退回': 'returned', '已退回': 'returned', '上报上级': 'escalated', '已上报上级': 'escalated', '升级': 'escalated',
  '无效': 'invalid', '重复': 'invalid', '无效/重复': 'invalid', 'duplicate': 'invalid',
});

const CLOSED_LEVEL_WORDS = table<ClosedLevel>(CLOSED_LEVELS, { '网格': 'grid', '乡镇': 'township', '街道': 'township', '乡镇（街道）': 'township', '县': 'county', '区': 'county', '县级': 'county', '市': 'city', '市级': 'city' });
const OUTCOME_WORDS = table<Outcome>(OUTCOMES, { '已解决': 'resolved', '解决': 'resolved', '未解决': 'unresolved', '已解释': 'explained', '解释说明': 'explained' });
const SATISFACTION_WORDS = table<Satisfaction>(SATISFACTIONS, { '满意': 'satisfied', '基本满意': 'basically_satisfied', 'basically satisfied': 'basically_satisfied', '不满意': 'dissatisfied', 'unsatisfied': 'dissatisfied' });

export function normaliseChannel(value: string): Channel | null { return CHANNEL_WORDS.get(key(value)) ?? null; }
export function normaliseStatus(value: string): EventStatus | null { return STATUS_WORDS.get(key(value)) ?? null; }
export function normaliseClosedLevel(value: string): ClosedLevel | null { return CLOSED_LEVEL_WORDS.get(key(value)) ?? null; }
export function normaliseOutcome(value: string): Outcome | null { return OUTCOME_WORDS.get(key(value)) ?? null; }
export function normaliseSatisfaction(value: string): Satisfaction | null { return SATISFACTION_WORDS.get(key(value)) ?? null; }

const SEVERITY_WORDS = new Map<string, number>([
  ['一般', 1], ['较大', 2], ['重大', 3], ['特别重大', 4], ['低', 1], ['中', 2], ['高', 3], ['紧急', 3], ['特急', 4], ['普通', 1],
  ['low', 1], ['medium', 2], ['high', 3], ['critical', 4], ['urgent', 3],
  // National emergency grades count down: Ⅰ级 is the gravest.
  ['ⅳ级', 1], ['ⅲ级', 2], ['ⅱ级', 3], ['ⅰ级', 4], ['iv级', 1], ['iii级', 2], ['ii级', 3], ['i级', 4],
]);

/** Severity 1–4; a number outside that range comes back as 'out_of_range', unknown words as 'unknown'. */
export function normaliseSeverity(value: string): number | 'out_of_range' | 'unknown' {
  const trimmed = value.trim();
  if (/^[+-]?\d+(\.0+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= 4 ? n : 'out_of_range';
  }
  return SEVERITY_WORDS.get(key(value)) ?? 'unknown';
}

const CATEGORY_NAMES = new Map<string, string>();
for (const category of CATEGORIES) {
  for (const name of [category.code, vocabLabel('zh', 'category', category.code), vocabLabel('en', 'category', category.code), ...category.subcategories]) CATEGORY_NAMES.set(key(name), category.code);
}

/**
 * Words that, found inside a category text, give its code: Chinese scenario words and the
 * complaint types of 311 datasets. Checked in order, so more specific words come first.
 */
const CATEGORY_KEYWORDS: readonly (readonly [string, string])[] = [
  ['油烟', 'fumes'], ['烧烤', 'fumes'], ['渣土', 'muck_truck'], ['扬尘', 'muck_truck'], ['工地', 'muck_truck'], ['采砂', 'river_sand'], ['砂石', 'river_sand'],
  ['井盖', 'manhole'], ['窨井', 'manhole'], ['电梯', 'elevator'], ['噪', 'noise'], ['停车', 'parking'], ['污染', 'pollution'], ['排放', 'pollution'],
  ['纠纷', 'dispute'], ['隐患', 'safety'], ['消防', 'safety'], ['市容', 'appearance'], ['垃圾', 'appearance'], ['占道', 'appearance'], ['民生', 'livelihood'],
  ['noise', 'noise'], ['parking', 'parking'], ['driveway', 'parking'], ['vehicle', 'parking'], ['air quality', 'pollution'], ['smoke', 'fumes'], ['odor', 'fumes'],
  ['construction', 'muck_truck'], ['sewer', 'manhole'], ['manhole', 'manhole'], ['elevator', 'elevator'], ['dispute', 'dispute'], ['neighbor', 'dispute'],
  ['unsafe', 'safety'], ['fire', 'safety'], ['gas', 'safety'], ['dirty', 'appearance'], ['sanitation', 'appearance'], ['graffiti', 'appearance'],
  ['litter', 'appearance'], ['dumping', 'appearance'], ['sidewalk', 'appearance'], ['street condition', 'appearance'],
  ['heat', 'livelihood'], ['water', 'livelihood'], ['electric', 'livelihood'], ['street light', 'livelihood'], ['plumbing', 'livelihood'],
];

/** A category text → a category code, or null when nothing in the taxonomy fits. */
export function normaliseCategory(value: string, own: Record<string, string> = {}): string | null {
  const ownCode = own[value] ?? own[value.trim()];
  if (ownCode !== undefined) return ownCode;
  const text = key(value);
  const exact = CATEGORY_NAMES.get(text);
  if (exact) return exact;
  for (const [word, code] of CATEGORY_KEYWORDS) if (text.includes(word)) return code;
  return null;
}
