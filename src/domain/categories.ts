/**
 * The scenario taxonomy of events (docs/domain.md §2), with what the demo generator and the
 * SLA rule need to know about each category. Weights are relative, not shares. The names of
 * categories, subcategories and departments in both languages are in the dictionary (src/i18n, `vocab`).
 */
export interface CategoryInfo {
  code: string;
  /** In Chinese, as the source data names them (also their keys in the dictionary). */
  subcategories: readonly string[];
  /** Lead department, in Chinese as the source data names it. */
  department: string;
  /** Relative frequency in urban and rural grids. */
  urbanWeight: number;
  ruralWeight: number;
  /** Relative frequency by month, January first (seasonal scenarios). */
  seasonality: readonly number[];
  /** Median hours from acceptance to resolution. */
  handlingHours: number;
  /** Days allowed from report to closure at severity 1 (higher severities get less). */
  slaDays: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const SUMMER = [0.6, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.6, 1.2, 1, 0.8, 0.6] as const;
const WET = [0.6, 0.7, 1, 1.3, 1.6, 1.8, 1.4, 1.2, 1, 0.8, 0.6, 0.6] as const;
const DRY = [1.3, 1.2, 1, 0.9, 0.8, 0.7, 0.8, 0.9, 1, 1.1, 1.3, 1.4] as const;

export const CATEGORIES: readonly CategoryInfo[] = [
  { code: 'noise', subcategories: ['施工噪声', '社会生活噪声', '商业噪声'], department: '综合执法局', urbanWeight: 14, ruralWeight: 4, seasonality: SUMMER, handlingHours: 6, slaDays: 3 },
  { code: 'parking', subcategories: ['占用消防通道', '占道停车', '非机动车乱停'], department: '交警', urbanWeight: 16, ruralWeight: 3, seasonality: FLAT, handlingHours: 2, slaDays: 1 },
  { code: 'fumes', subcategories: ['油烟直排', '露天烧烤'], department: '综合执法局', urbanWeight: 8, ruralWeight: 2, seasonality: SUMMER, handlingHours: 24, slaDays: 5 },
  { code: 'muck_truck', subcategories: ['渣土撒漏', '夜间施工', '工地扬尘'], department: '建设局', urbanWeight: 7, ruralWeight: 3, seasonality: DRY, handlingHours: 12, slaDays: 3 },
  { code: 'pollution', subcategories: ['废水排放', '废气排放', '固废堆放'], department: '生态环境局', urbanWeight: 3, ruralWeight: 5, seasonality: FLAT, handlingHours: 48, slaDays: 7 },
  { code: 'river_sand', subcategories: ['非法采砂', '河道堆放'], department: '水利局', urbanWeight: 0.5, ruralWeight: 4, seasonality: WET, handlingHours: 48, slaDays: 7 },
  { code: 'manhole', subcategories: ['井盖缺失', '井盖破损', '井盖异响'], department: '建设局', urbanWeight: 5, ruralWeight: 1, seasonality: WET, handlingHours: 8, slaDays: 2 },
  { code: 'elevator', subcategories: ['加装申请', '邻里异议', '施工协调'], department: '建设局', urbanWeight: 2, ruralWeight: 0.1, seasonality: FLAT, handlingHours: 240, slaDays: 30 },
  { code: 'dispute', subcategories: ['邻里纠纷', '劳资纠纷', '婚姻家庭', '土地纠纷'], department: '乡镇（街道）', urbanWeight: 8, ruralWeight: 10, seasonality: DRY, handlingHours: 72, slaDays: 15 },
  { code: 'safety', subcategories: ['消防隐患', '危房', '燃气隐患', '地质灾害'], department: '应急管理局', urbanWeight: 7, ruralWeight: 9, seasonality: WET, handlingHours: 24, slaDays: 3 },
  { code: 'appearance', subcategories: ['乱堆乱放', '垃圾清运', '违规广告', '占道经营'], department: '综合执法局', urbanWeight: 18, ruralWeight: 12, seasonality: FLAT, handlingHours: 8, slaDays: 3 },
  { code: 'livelihood', subcategories: ['供水供电', '社保医保', '养老服务', '市场价格'], department: '民政局', urbanWeight: 10, ruralWeight: 12, seasonality: FLAT, handlingHours: 48, slaDays: 10 },
];

const BY_CODE = new Map(CATEGORIES.map((category) => [category.code, category]));

/** The category with this code; throws naming the code when it is unknown. */
export function categoryByCode(code: string): CategoryInfo {
  const category = BY_CODE.get(code);
  if (!category) throw new Error(`Unknown category "${code}": must be one of ${[...BY_CODE.keys()].join(', ')}`);
  return category;
}

/**
 * Where loaded data puts a category it cannot match to the taxonomy (src/ingest/values.ts):
 * kept, never dropped, and shown on the map in grey with its own legend entry and filter chip.
 */
export const OTHER_CATEGORY = { code: 'other' } as const;
