/**
 * Every check that ingest makes, with its outcome and its message in both languages.
 * A row that breaks a `rejected` rule is kept aside (not loaded); a `doubtful` rule
 * loads the row and flags it. Both end up in the issue list with file, row and column,
 * so nothing is dropped without a trace (docs/ingest.md lists the decisions).
 */
export type RuleOutcome = 'rejected' | 'doubtful' | 'file';

export interface RuleInfo { outcome: RuleOutcome; zh: string; en: string }

export const RULES = {
  // File-level problems: the whole file (or a column) is affected; counted once.
  empty_file: { outcome: 'file', zh: '文件为空', en: 'The file is empty' },
  header_only: { outcome: 'file', zh: '只有表头，没有数据行', en: 'The file has a header but no data rows' },
  invalid_json: { outcome: 'file', zh: 'JSON 格式无效', en: 'Invalid JSON' },
  unsupported_json: { outcome: 'file', zh: '不支持的 JSON 结构（需要对象数组或点要素集合）', en: 'Unsupported JSON shape (expected an array of objects or a FeatureCollection of Points)' },
  unsupported_file: { outcome: 'file', zh: '无法读取的文件', en: 'The file cannot be read' },
  duplicate_column: { outcome: 'file', zh: '列名重复，已改名', en: 'Duplicate column name, renamed' },
  empty_column_name: { outcome: 'file', zh: '列名为空，已命名', en: 'Empty column name, named by position' },
  missing_required_column: { outcome: 'rejected', zh: '缺少必需的列', en: 'A required column is missing' },
  // Row-level rejections.
  unterminated_quote: { outcome: 'rejected', zh: '引号未闭合，其后内容被读作一个字段', en: 'Unterminated quote: the rest of the file was read as one field' },
  ragged_row_long: { outcome: 'rejected', zh: '字段数多于表头，无法确定对应关系', en: 'More fields than the header: the fields cannot be matched to columns' },
  ragged_row_short: { outcome: 'rejected', zh: '字段数少于表头（缺少分隔符或引号错位），字段无法对应到列', en: 'Fewer fields than the header (a missing separator or a stray quote): the fields cannot be matched to columns' },
  not_an_object: { outcome: 'rejected', zh: '记录不是对象', en: 'The record is not an object' },
  geometry_not_point: { outcome: 'rejected', zh: '要素不是点', en: 'The feature is not a Point' },
  required_value_empty: { outcome: 'rejected', zh: '必填值为空', en: 'A required value is empty' },
  time_unparseable: { outcome: 'rejected', zh: '无法识别的时间', en: 'Unrecognised timestamp' },
  time_impossible: { outcome: 'rejected', zh: '不存在的日期或时间', en: 'Impossible date or time' },
  coordinates_unparseable: { outcome: 'rejected', zh: '坐标不是数字', en: 'Coordinates are not numbers' },
  coordinates_out_of_range: { outcome: 'rejected', zh: '坐标超出范围（经度 −180…180，纬度 −90…90）', en: 'Coordinates out of range (longitude −180…180, latitude −90…90)' },
  coordinates_zero: { outcome: 'rejected', zh: '坐标为 (0,0)，视为缺失', en: 'Coordinates are (0,0), taken as missing' },
  outside_boundaries: { outcome: 'rejected', zh: '坐标不在任何边界内', en: 'The point lies outside all boundaries' },
  location_missing: { outcome: 'rejected', zh: '既无坐标也无网格编码', en: 'Neither coordinates nor a grid code' },
  lifecycle_out_of_order: { outcome: 'rejected', zh: '流转时间顺序颠倒', en: 'Lifecycle timestamps out of order' },
  duplicate_id: { outcome: 'rejected', zh: '事件编号重复（保留首次出现的记录）', en: 'Duplicate event id (the first occurrence is kept)' },
  // Boundary files: a feature (row = its position in the file, 1-based) is rejected or repaired.
  geometry_unsupported: { outcome: 'rejected', zh: '几何类型不支持（需要 Polygon 或 MultiPolygon）', en: 'Unsupported geometry type (expected Polygon or MultiPolygon)' },
  geometry_collection: { outcome: 'rejected', zh: '不支持 GeometryCollection，请拆分为多边形要素', en: 'GeometryCollection is not supported: split it into Polygon features' },
  geometry_empty: { outcome: 'rejected', zh: '几何为空', en: 'Empty geometry' },
  geometry_invalid_coordinates: { outcome: 'rejected', zh: '坐标无效（不是数字或超出范围）', en: 'Invalid coordinates (not numbers or out of range)' },
  ring_unclosed: { outcome: 'rejected', zh: '多边形环未闭合（首尾坐标不同）', en: 'Polygon ring not closed (first and last positions differ)' },
  ring_too_short: { outcome: 'rejected', zh: '多边形环少于 4 个坐标', en: 'Polygon ring has fewer than 4 positions' },
  self_intersection: { outcome: 'rejected', zh: '多边形自相交', en: 'Self-intersecting polygon' },
  code_missing: { outcome: 'rejected', zh: '边界缺少编码', en: 'The boundary has no code' },
  code_duplicate: { outcome: 'rejected', zh: '边界编码重复（保留首次出现的要素）', en: 'Duplicate boundary code (the first feature is kept)' },
  winding_fixed: { outcome: 'doubtful', zh: '环的方向不符合 RFC 7946，已纠正', en: 'Ring winding did not follow RFC 7946 and was fixed' },
  coordinates_3d: { outcome: 'doubtful', zh: '三维坐标，已去掉高程', en: '3D coordinates, elevation dropped' },
  // Doubtful: loaded, flagged.

  coordinates_swapped: { outcome: 'doubtful', zh: '经纬度疑似颠倒，已交换', en: 'Longitude and latitude look swapped and were swapped back' },
  coordinates_missing: { outcome: 'doubtful', zh: '无坐标，仅按网格编码统计，不在地图上显示', en: 'No coordinates: counted by grid code, not drawn on the map' },
  grid_code_unknown: { outcome: 'doubtful', zh: '网格编码不在边界中', en: 'Grid code not among the boundaries' },
  severity_out_of_range: { outcome: 'doubtful', zh: '等级不在 1–4 之间，已置空', en: 'Severity outside 1–4, set to empty' },
  category_unknown: { outcome: 'doubtful', zh: '未知事件类型，归入“其他”(other)，原文保留在子类', en: 'Unknown category, loaded as "other" with the original text kept as subcategory' },
  value_unknown: { outcome: 'doubtful', zh: '无法识别的取值，已置空', en: 'Unrecognised value, set to empty' },
  control_characters: { outcome: 'doubtful', zh: '文本含控制字符，已去除', en: 'Control characters removed from the text' },
  text_too_long: { outcome: 'doubtful', zh: '文本过长，已截断', en: 'Text too long, cut' },
  id_generated: { outcome: 'doubtful', zh: '无事件编号，已按文件和行号生成', en: 'No event id: one was made from the file name and row number' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** One finding: where it is (file, 1-based source line, column) and which rule it breaks. */
export interface Issue {
  file: string;
  /** Source line number where the record starts (1 = the header line of a CSV); null for file-level issues. */
  row: number | null;
  column: string | null;
  rule: RuleId;
  outcome: RuleOutcome;
  /** The offending value, shortened, for the message; never interpreted. */
  value: string | null;
  zh: string;
  en: string;
}

const QUOTE_LIMIT = 60;

function quoteValue(value: string): string {
  const short = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  return JSON.stringify(short);
}

/** An issue with both messages composed: "events.csv, row 12, column 上报时间: Unrecognised timestamp ("abc")". */
export function createIssue(file: string, row: number | null, column: string | null, rule: RuleId, value: string | null = null, detail?: { zh: string; en: string }): Issue {
  const info: RuleInfo = RULES[rule];
  const where = (lang: 'zh' | 'en'): string => {
    const parts = [file];
    if (row !== null) parts.push(lang === 'zh' ? `第 ${row} 行` : `row ${row}`);
    if (column !== null) parts.push(lang === 'zh' ? `列 ${quoteValue(column)}` : `column ${quoteValue(column)}`);
    return parts.join(lang === 'zh' ? '，' : ', ');
  };
  const suffix = (lang: 'zh' | 'en'): string => {
    const extra = detail ? (lang === 'zh' ? `：${detail.zh}` : `: ${detail.en}`) : '';
    const shown = value !== null ? ` (${quoteValue(value)})` : '';
    return `${extra}${shown} [${rule}]`;
  };
  return {
    file, row, column, rule, outcome: info.outcome, value: value === null ? null : value.slice(0, 200),
    zh: `${where('zh')}：${info.zh}${suffix('zh')}`,
    en: `${where('en')}: ${info.en}${suffix('en')}`,
  };
}
