import type { CategoryInfo } from '../../src/domain/categories';
import { vocabLabel } from '../../src/i18n';
import type { Random } from './random';

const ROADS = ['解放街', '中山街', '人民路', '丽阳街', '括苍路', '紫金路', '府前路', '城北路', '环城路', '丽青路', '花园路', '健康路', '白云路', '水阁路', '江滨路', '文昌路'];
const PLACES = ['小区门口', '菜市场旁', '十字路口', '学校附近', '公交站旁', '商铺前', '居民楼下', '停车场', '河道边', '老街巷口'];
const TIMES = ['昨晚十点后', '凌晨时分', '每天早上', '连续多日', '中午时段', '近一周来'];
const REQUESTS = ['请相关部门尽快处理。', '希望尽快解决。', '已影响居民正常生活，请核查。', '多次反映未果，请督办。', '请派人到现场查看。'];

/** Payloads that must be shown as text, never run: the demo carries them on purpose. */
export const HOSTILE_SNIPPETS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
  "'; DROP TABLE events; --",
  '=HYPERLINK("http://example.invalid","点击")',
];

// Official community names end in the committee's title; people say "永晖社区", "新南村".
const COMMITTEE_SUFFIXES: [RegExp, string][] = [
  [/社区居民委员会$/, '社区'], [/社区居委会$/, '社区'], [/村村委员会$/, '村'], [/村民委员会$/, '村'], [/村委会$/, '村'], [/居委会$/, ''],
];

/** The everyday name of a village or community, without its committee's title. */
export function communityShortName(official: string): string {
  for (const [suffix, replacement] of COMMITTEE_SUFFIXES) if (suffix.test(official)) return official.replace(suffix, replacement);
  return official;
}

/** A street address inside the named township and community. */
export function makeAddress(random: Random, county: string, township: string, community: string): string {
  return `${county}${township}${communityShortName(community)}${random.pick(ROADS)}${random.int(1, 399)}号`;
}

/**
 * A citizen-style description. Some carry a phone or ID number (to be masked by the
 * app) and a few carry hostile markup (to be shown as text).
 */
export function makeDescription(random: Random, category: CategoryInfo, subcategory: string, citizen: boolean): string {
  let text = `${random.pick(PLACES)}${subcategory}，${random.pick(TIMES)}${vocabLabel('zh', 'category', category.code)}问题突出，${random.pick(REQUESTS)}`;
  if (citizen && random.chance(0.08)) text += `联系电话1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  if (citizen && random.chance(0.01)) text += `，身份证号3311${String(random.int(2, 27)).padStart(2, '0')}19${random.int(50, 99)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${String(random.int(0, 999)).padStart(3, '0')}${random.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`;
  if (random.chance(0.002)) text += random.pick(HOSTILE_SNIPPETS);
  return text;
}
