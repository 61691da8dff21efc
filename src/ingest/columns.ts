import { EVENT_COLUMNS, type EventColumn } from '../domain/events';

/**
 * Header names people use for each OneMap event column: Chinese governance exports
 * (上报时间, 事件类型 …) and open 311 datasets (Created Date, Complaint Type …). Names
 * are compared normalised (lower case, no spaces, underscores or punctuation).
 */
export const COLUMN_SYNONYMS: Record<EventColumn, readonly string[]> = {
  event_id: ['event_id', '事件编号', '事件id', '编号', '工单编号', '工单号', '案件编号', '案卷编号', '事件单号', 'id', 'unique key', 'case id', 'service request id', 'sr number', 'request id', 'ticket id', 'incident id'],
  channel: ['channel', '来源渠道', '来源', '渠道', '上报渠道', '信息来源', '事件来源', 'source', 'open data channel type', 'channel type', 'method received'],
  category: ['category', '事件类型', '事件大类', '大类', '类型', '问题类型', '案件类型', '事件分类', '问题分类', 'complaint type', 'request type', 'service name', 'type'],
  subcategory: ['subcategory', '事件小类', '小类', '子类', '事件子类', '问题小类', 'descriptor', 'subtype', 'sub type'],
  severity: ['severity', '紧急程度', '事件等级', '等级', '严重程度', '级别', '紧急度', 'priority', 'urgency'],
  lon: ['lon', '经度', 'lng', 'long', 'longitude', 'x', 'gps x', '坐标x', 'x坐标'],
  lat: ['lat', '纬度', 'latitude', 'y', 'gps y', '坐标y', 'y坐标'],
  grid_code: ['grid_code', '网格编码', '网格代码', '网格编号', '所属网格编码', '所属网格', 'grid', 'grid id'],
  department: ['department', '处置部门', '责任部门', '承办部门', '主办部门', '处置单位', '责任单位', '部门', 'agency', 'agency name', 'dept', 'responsible agency'],
  status: ['status', '状态', '办理状态', '事件状态', '案件状态', '处置状态'],
  closed_level: ['closed_level', '办结层级', '结案层级', '办结层级'],
  reported_at: ['reported_at', '上报时间', '报告时间', '登记时间', '创建时间', '发生时间', '反映时间', '来电时间', 'created date', 'created at', 'open date', 'opened', 'requested date', 'date reported', 'reported date'],
  dispatched_at: ['dispatched_at', '派遣时间', '派单时间', '分派时间', '转派时间', '交办时间', 'dispatched date', 'assigned date'],
  accepted_at: ['accepted_at', '受理时间', '签收时间', '接单时间', '接收时间', 'accepted date', 'acknowledged date'],
  resolved_at: ['resolved_at', '处置时间', '处置完成时间', '处理时间', '处理完成时间', 'resolved date', 'resolution date', 'completion date', '完成时间'],
  closed_at: ['closed_at', '办结时间', '结案时间', '关闭时间', '完结时间', 'closed date', 'closed at', 'close date', 'completed date'],
  due_at: ['due_at', '办结时限', '处置时限', '截止时间', '期限', '办理时限', 'due date', 'deadline'],
  outcome: ['outcome', '办理结果', '处理结果', '处置结果', '结果'],
  satisfaction: ['satisfaction', '满意度', '满意度评价', '评价', '群众评价'],
  description: ['description', '事件描述', '问题描述', '描述', '诉求内容', '事件内容', '内容', '反映内容'],
  address: ['address', '地址', '事件地址', '发生地址', '详细地址', '事发地点', '事发地址', '位置', 'incident address', 'street address'],
};

/** Columns that name a unit rather than hold an event field: shown in the preview, usable to match boundaries by name. */
export const UNIT_NAME_SYNONYMS: Record<'county' | 'township' | 'community', readonly string[]> = {
  county: ['所属区县', '区县', '县区', 'borough', 'county', 'district'],
  township: ['所属街道', '街道', '乡镇', '所属乡镇', '乡镇街道', 'community board', 'township'],
  community: ['所属社区', '社区', '村社区', '所属村社', 'community', 'neighborhood'],
};

/** "Created Date" → "createddate", "上报 时间" → "上报时间". */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.()（）:：/\\]+/g, '');
}

export interface ColumnSuggestion {
  column: EventColumn;
  /** The source column suggested for it, or null when nothing fits. */
  source: string | null;
  /** exact: a known name; partial: the header contains a known name (e.g. "事件上报时间"). */
  match: 'exact' | 'partial' | 'none';
}

/**
 * Headers that contain a known name but mean something else, kept out of partial
 * matching: 311's "Resolution Description" is the agency's answer, not the citizen's report.
 */
const NOT_PARTIAL = new Set(['resolutiondescription', 'agencyname', 'locationtype', 'addresstype']);

/**
 * An update or modification stamp records when a record was last edited, often after it
 * was closed: mapped as a lifecycle time it puts the lifecycle out of order and loses
 * rows (311's "Resolution Action Updated Date" did, for 4 % of them). Such a header is
 * never suggested for a lifecycle column, however close its other words.
 */
const UPDATE_STAMP = /updated|modified|lastupdate|lastedit|更新|修改/;

/** True for a header that names an update stamp ("Resolution Action Updated Date", "修改时间"): a time, but not a lifecycle stage. */
export function looksLikeUpdateStamp(header: string): boolean {
  return UPDATE_STAMP.test(normaliseHeader(header));
}
const LIFECYCLE: ReadonlySet<EventColumn> = new Set(['reported_at', 'dispatched_at', 'accepted_at', 'resolved_at', 'closed_at', 'due_at']);

const INDEX = new Map<string, EventColumn>();
for (const column of EVENT_COLUMNS) for (const name of COLUMN_SYNONYMS[column]) if (!INDEX.has(normaliseHeader(name))) INDEX.set(normaliseHeader(name), column);

/**
 * A suggested source column for each event column. Exact names win over partial ones;
 * one source column is used for one event column only. Partial matching ignores
 * names of one or two characters ("x", "id", "类型"), which would match too much.
 */
export function suggestColumns(headers: readonly string[]): ColumnSuggestion[] {
  const chosen = new Map<EventColumn, { source: string; match: 'exact' | 'partial' }>();
  const used = new Set<string>();
  for (const header of headers) {
    const column = INDEX.get(normaliseHeader(header));
    if (column && !chosen.has(column) && !used.has(header)) { chosen.set(column, { source: header, match: 'exact' }); used.add(header); }
  }
  for (const column of EVENT_COLUMNS) {
    if (chosen.has(column)) continue;
    const names = COLUMN_SYNONYMS[column].map(normaliseHeader).filter((name) => name.length >= 3);
    const header = headers.find((h) => !used.has(h) && !NOT_PARTIAL.has(normaliseHeader(h)) && !(LIFECYCLE.has(column) && UPDATE_STAMP.test(normaliseHeader(h)))
      && names.some((name) => normaliseHeader(h).includes(name)));
    if (header !== undefined) { chosen.set(column, { source: header, match: 'partial' }); used.add(header); }
  }
  return EVENT_COLUMNS.map((column) => {
    const hit = chosen.get(column);
    return { column, source: hit?.source ?? null, match: hit?.match ?? 'none' };
  });
}

/** Source columns that name a county, township or community (所属街道, Borough …). */
export function suggestUnitNameColumns(headers: readonly string[]): { level: 'county' | 'township' | 'community'; source: string }[] {
  const found: { level: 'county' | 'township' | 'community'; source: string }[] = [];
  for (const level of ['county', 'township', 'community'] as const) {
    const names = UNIT_NAME_SYNONYMS[level].map(normaliseHeader);
    const header = headers.find((h) => names.includes(normaliseHeader(h)));
    if (header !== undefined) found.push({ level, source: header });
  }
  return found;
}
