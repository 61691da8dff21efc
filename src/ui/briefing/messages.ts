export const BRIEFING_MESSAGES = {
  zh: {
    kind: '简报类型', date: '日期', unit: '单位', building: '正在生成简报…', print: '打印 / 存为 PDF', markdown: '下载 Markdown', csv: '下载表格（CSV 压缩包）',
    summary: '概要', charts: '趋势图', matters: '需关注事项', none: '无。', unavailable: '不可用：', listed: '共 {total} 项，列出前 {shown} 项。', showSql: '查看 SQL',
    openOnMap: '在地图上查看', queries: '{count} 条查询，用时 {ms} 毫秒', dataTime: '数据时点', endOfPeriod: '期末时点', period: '时段',
  },
  en: {
    kind: 'Briefing', date: 'Date', unit: 'Unit', building: 'Building the briefing…', print: 'Print / save as PDF', markdown: 'Download Markdown', csv: 'Download tables (CSV zip)',
    summary: 'Summary', charts: 'Trends', matters: 'Matters needing attention', none: 'None.', unavailable: 'Unavailable: ', listed: '{total} in all; the first {shown} are listed.', showSql: 'Show SQL',
    openOnMap: 'Open on the map', queries: '{count} queries in {ms} ms', dataTime: 'Data time', endOfPeriod: 'End of period', period: 'Period',
  },
} as const;
