import { MESSAGES, type Language, type Messages } from '../../i18n';

/**
 * The wall's words: the dictionary's `wall` section (src/i18n), plus the KPI tiles' labels
 * and definitions, which are measure vocabulary and stay here until the measure registry
 * owns them.
 */
const KPI_TEXT = {
  zh: {
    kpiDefinitions: {
      intake: '今日（当地 0 点至数据时点）上报的事件数，含无效/重复件；与昨日同一时段比较。',
      closed: '今日办结的有效事件数；与昨日同一时段比较。',
      backlog: '数据时点已上报、尚未办结的事件数；与昨日同一时刻比较。',
      overdue: '在办事件中办结时限早于数据时点的事件数；与昨日同一时刻比较。',
      on_time_rate: '今日办结的有效事件中，办结时间不晚于办结时限的比例；与昨日同一时段比较（百分点）。',
      response_rate: '今日上报、响应时限已到或已受理的有效事件中，在时限内受理的比例；与昨日同一时段比较（百分点）。',
  },
  kpiLabels: { intake: '今日受理', closed: '今日办结', backlog: '在办', overdue: '超期', on_time_rate: '今日按时办结率', response_rate: '今日响应率' },
  },
  en: {
    kpiDefinitions: {
      intake: 'Events reported today (city-local midnight to the data time), invalid or duplicate reports included; against the same hours yesterday.',
      closed: 'Valid events closed today; against the same hours yesterday.',
      backlog: 'Events reported by the data time and not closed at it; against the same moment yesterday.',
      overdue: 'Backlog events whose deadline is before the data time; against the same moment yesterday.',
      on_time_rate: 'Of valid events closed today, the share closed by their deadline; change in percentage points against the same hours yesterday.',
      response_rate: 'Of valid events reported today whose response deadline has passed or which were accepted, the share accepted in time; change in percentage points.',
  },
  kpiLabels: { intake: 'Intake today', closed: 'Closed today', backlog: 'Backlog', overdue: 'Overdue', on_time_rate: 'On-time rate today', response_rate: 'Response rate today' },
  },
};

export type WallMessages = Messages['wall'] & (typeof KPI_TEXT)['zh'];

export const WALL_MESSAGES: Record<Language, WallMessages> = {
  zh: { ...MESSAGES.zh.wall, ...KPI_TEXT.zh },
  en: { ...MESSAGES.en.wall, ...KPI_TEXT.en },
};

/** "hh:mm" (24-hour) of a moment on the wall's own clock. */
export function clockText(ms: number, seconds = false): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}
