import type { Language } from '../../i18n';

/** The wall display's own text (zh + en); en must have the same keys (the type enforces it). */
const zh = {
  titleSuffix: '社会治理一张图',
  subtitle: '指挥中心大屏',
  updatedAt: '数据更新于 {time}',
  dataTime: '数据时点 {time}',
  staleSince: '数据已过时，自 {time} 起',
  staleHint: '数据源读取失败，显示最后一次成功读取的数据，恢复后自动更新',
  sourceRefused: '数据源不可用：{message}',
  touring: '巡览 {index}/{count}',
  vsYesterday: '较昨日同时段',
  noChange: '持平',
  noBase: '昨日无数据',
  kpis: '今日关键指标',
  trends: '近30天趋势',
  trendIntake: '每日受理 / 办结',
  trendBacklog: '在办 / 超期（日末）',
  trendOnTime: '按时办结率（每日）',
  intake: '受理', closed: '办结', backlog: '在办', overdue: '超期', onTime: '按时办结率',
  ranking: '区域排名（近30天）',
  rankedBy: '排序：{measure}',
  attention: '需关注事项：三级以上超期',
  attentionNone: '暂无三级以上超期事件',
  attentionTotal: '共 {count} 件',
  overdueHours: '超期 {hours} 小时',
  latest: '最新事件',
  latestNone: '暂无事件',
  mapRecovering: '地图正在恢复…',
  loading: '正在加载…',
  severityShort: ['', '一般', '较大', '重大', '特别重大'],
  layerNames: { points: '事件点', heatmap: '热力图', hexagon: '六边形聚合', coverage: '网格覆盖', response: '响应时效' },
  rangeNames: { today: '今日', '7d': '近7天', '30d': '近30天' },
  mapCaption: '{layer} · {range}事件 {count} 件',
  compareSameHours: '与昨日同一时段比较。',
  compareSameMoment: '与昨日同一时刻比较。',
};

export type WallMessages = typeof zh;

const en: WallMessages = {
  titleSuffix: ' Social Governance One Map',
  subtitle: 'Command center wall',
  updatedAt: 'Data updated {time}',
  dataTime: 'Data time {time}',
  staleSince: 'Data stale since {time}',
  staleHint: 'The data source could not be read; showing the last good data, updates resume by themselves',
  sourceRefused: 'Data source unavailable: {message}',
  touring: 'Tour {index}/{count}',
  vsYesterday: 'vs. same time yesterday',
  noChange: 'unchanged',
  noBase: 'no data yesterday',
  kpis: 'Today\'s key figures',
  trends: 'Last 30 days',
  trendIntake: 'Daily intake / closed',
  trendBacklog: 'Backlog / overdue (end of day)',
  trendOnTime: 'On-time rate (daily)',
  intake: 'Intake', closed: 'Closed', backlog: 'Backlog', overdue: 'Overdue', onTime: 'On-time rate',
  ranking: 'District ranking (30 days)',
  rankedBy: 'by {measure}',
  attention: 'Needs attention: overdue, severity ≥ 3',
  attentionNone: 'No overdue events of severity 3 or higher',
  attentionTotal: '{count} in all',
  overdueHours: '{hours} h overdue',
  latest: 'Latest events',
  latestNone: 'No events',
  mapRecovering: 'Restoring the map…',
  loading: 'Loading…',
  severityShort: ['', 'minor', 'major', 'serious', 'critical'],
  layerNames: { points: 'Event points', heatmap: 'Heatmap', hexagon: 'Hexagons', coverage: 'Grid coverage', response: 'Response times' },
  rangeNames: { today: 'today', '7d': 'last 7 days', '30d': 'last 30 days' },
  mapCaption: '{layer} · {count} events, {range}',
  compareSameHours: 'Compared with the same hours yesterday.',
  compareSameMoment: 'Compared with the same moment yesterday.',
};

export const WALL_MESSAGES: Record<Language, WallMessages> = { zh, en };

/** "hh:mm" (24-hour) of a moment on the wall's own clock. */
export function clockText(ms: number, seconds = false): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}
