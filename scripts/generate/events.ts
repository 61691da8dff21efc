import { CATEGORIES, type CategoryInfo } from '../../src/domain/categories';
import type { Channel, ClosedLevel, EventStatus, Outcome, Satisfaction, Severity } from '../../src/domain/events';
import { dueAt, RESPONSE_SLA_HOURS } from '../../src/domain/sla';
import type { GeneratedUnit } from './hierarchy';
import { containsPoint, preparePolygon, type PreparedPolygon, randomPointIn } from './polygon';
import { apportion, Random, WeightedTable } from './random';
import { makeAddress, makeDescription } from './text';
import { formatTimestamp, HOUR_MS, DAY_MS } from './time';

/** One generated event, in the column order of EVENT_COLUMNS. */
export interface EventRow {
  event_id: string; channel: Channel; category: string; subcategory: string; severity: Severity;
  lon: number; lat: number; grid_code: string; department: string; status: EventStatus;
  closed_level: ClosedLevel | null; reported_at: number; dispatched_at: number | null;
  accepted_at: number | null; resolved_at: number | null; closed_at: number | null; due_at: number;
  outcome: Outcome | null; satisfaction: Satisfaction | null; description: string; address: string;
}

/** An anomaly planted on purpose, listed in the manifest so that tests can look for it. */
export interface PlantedAnomaly {
  id: string;
  kind: 'spike' | 'surge' | 'repeat';
  grid_code: string;
  category: string;
  /** City-local dates (YYYY-MM-DD) with the number of extra events on each. */
  days: { date: string; extra: number }[];
  lon?: number; lat?: number; address?: string;
}

export interface EventOptions { events: number; days: number; asOfMs: number; plant?: boolean }

// Mon..Sun: the hotline is busiest at the start of the week.
const WEEKDAY_FACTOR = [1.12, 1.08, 1.05, 1.04, 1.02, 0.85, 0.8];
const HOUR_WEIGHTS_CITIZEN = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 2.8, 2.9, 2.6, 1.8, 1.9, 2.6, 2.7, 2.5, 2.2, 1.7, 1.6, 1.5, 1.2, 0.8, 0.5];
const HOUR_WEIGHTS_MACHINE = [0.7, 0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1.2, 1.5, 1.5, 1.4, 1.3, 1.2, 1.3, 1.4, 1.4, 1.4, 1.5, 1.5, 1.3, 1.1, 1.0, 0.9, 0.8];
const KIND_RATE = { urban: 1.6, rural: 0.8, special: 2.5 } as const;
const SEVERITY_WEIGHTS = [0.74, 0.19, 0.06, 0.01];
const CLOSED_LEVEL_WEIGHTS: Record<Severity, number[]> = { 1: [45, 45, 9, 1], 2: [20, 55, 22, 3], 3: [5, 35, 50, 10], 4: [0, 10, 50, 40] };
const CLOSED_LEVELS: ClosedLevel[] = ['grid', 'township', 'county', 'city'];
const CHANNELS: Channel[] = ['hotline', 'app', 'camera', 'sensor', 'patrol', 'transfer'];

/** Channel weights per category: cameras see parking and muck trucks, sensors manholes. */
const CHANNEL_WEIGHTS: Record<string, number[]> = {
  noise: [60, 25, 0, 5, 5, 5], parking: [20, 25, 45, 0, 8, 2], fumes: [45, 25, 10, 10, 8, 2],
  muck_truck: [20, 15, 45, 5, 12, 3], pollution: [25, 10, 5, 35, 15, 10], river_sand: [15, 10, 30, 10, 30, 5],
  manhole: [15, 20, 5, 45, 13, 2], elevator: [60, 20, 0, 0, 5, 15], dispute: [55, 10, 0, 0, 30, 5],
  safety: [20, 15, 10, 15, 35, 5], appearance: [20, 30, 25, 0, 23, 2], livelihood: [70, 15, 0, 0, 5, 10],
};

const isCitizen = (channel: Channel) => channel === 'hotline' || channel === 'app' || channel === 'transfer';

interface GridInfo { unit: GeneratedUnit; county: string; township: string; community: string; polygon: PreparedPolygon | null }

/**
 * Generate the events day by day in time order and hand each to `emit`. Volume follows
 * weekday and trend factors, places follow population, categories follow the grid's
 * kind and the season, and lifecycles follow per-category SLAs; planted anomalies are
 * mixed into their days.
 */
export function generateEvents(units: GeneratedUnit[], options: EventOptions, random: Random, emit: (row: EventRow) => void): PlantedAnomaly[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const grids: GridInfo[] = units.filter((u) => u.level === 'grid').map((unit) => {
    const community = byCode.get(unit.parent_code ?? '')!;
    const township = byCode.get(community.parent_code ?? '')!;
    const county = byCode.get(township.parent_code ?? '')!;
    return { unit, county: county.name, township: township.name, community: community.name, polygon: null };
  });
  const gridTable = new WeightedTable(grids.map((g) => Math.max(1, g.unit.population) * KIND_RATE[g.unit.kind ?? 'rural']));
  const categoryTables = new Map<string, WeightedTable>();
  const categoryTable = (urban: boolean, month: number) => {
    const key = `${urban}-${month}`;
    let table = categoryTables.get(key);
    if (!table) {
      table = new WeightedTable(CATEGORIES.map((c) => (urban ? c.urbanWeight : c.ruralWeight) * (c.seasonality[month] ?? 1)));
      categoryTables.set(key, table);
    }
    return table;
  };
  const hourCitizen = new WeightedTable(HOUR_WEIGHTS_CITIZEN);
  const hourMachine = new WeightedTable(HOUR_WEIGHTS_MACHINE);
  const polygonOf = (grid: GridInfo) => (grid.polygon ??= preparePolygon(grid.unit.geometry));

  const lastDayStart = Math.floor(options.asOfMs / DAY_MS) * DAY_MS;
  const firstDayStart = lastDayStart - (options.days - 1) * DAY_MS;
  const dayWeights = Array.from({ length: options.days }, (_, i) => {
    const dayStart = firstDayStart + i * DAY_MS;
    const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
    const trend = 0.92 + (0.16 * i) / Math.max(1, options.days - 1);
    const elapsed = i === options.days - 1 ? (options.asOfMs - dayStart) / DAY_MS : 1;
    return WEEKDAY_FACTOR[weekday]! * trend * elapsed;
  });
  const planted: PlantedPlan = options.plant === false
    ? { anomalies: [], byDay: new Map(), extraTotal: 0 }
    : planAnomalies(grids, options, firstDayStart, random.fork('anomalies'));
  const counts = apportion(options.events - planted.extraTotal, dayWeights);
  let sequence = 0;

  counts.forEach((count, dayIndex) => {
    const dayStart = firstDayStart + dayIndex * DAY_MS;
    const dayRandom = random.fork(`day-${dayIndex}`);
    const month = new Date(dayStart).getUTCMonth();
    const drafts: Draft[] = [];
    for (let k = 0; k < count; k++) {
      const grid = grids[gridTable.draw(dayRandom)]!;
      const category = CATEGORIES[categoryTable(grid.unit.kind !== 'rural', month).draw(dayRandom)]!;
      const channel = CHANNELS[dayRandom.weighted(CHANNEL_WEIGHTS[category.code]!)]!;
      drafts.push({ grid, category, channel, reportedMs: drawTime(dayRandom, dayStart, isCitizen(channel) ? hourCitizen : hourMachine, options.asOfMs), point: null, address: null });
    }
    for (const extra of planted.byDay.get(dayIndex) ?? []) {
      drafts.push({ ...extra, reportedMs: drawTime(dayRandom, dayStart, hourCitizen, options.asOfMs) });
    }
    drafts.sort((a, b) => a.reportedMs - b.reportedMs);
    for (const draft of drafts) {
      sequence++;
      emit(completeEvent(draft, `E${formatTimestamp(dayStart).slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(7, '0')}`, options.asOfMs, dayRandom, polygonOf(draft.grid)));
    }
  });
  return planted.anomalies;
}

interface Draft { grid: GridInfo; category: CategoryInfo; channel: Channel; reportedMs: number; point: [number, number] | null; address: string | null }

function drawTime(random: Random, dayStart: number, hours: WeightedTable, asOfMs: number): number {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ms = dayStart + hours.draw(random) * HOUR_MS + Math.floor(random.next() * 3600) * 1000;
    if (ms <= asOfMs) return ms;
  }
  return Math.max(dayStart, asOfMs - 1000);
}

function completeEvent(draft: Draft, id: string, asOfMs: number, random: Random, polygon: PreparedPolygon): EventRow {
  const { category, channel, grid } = draft;
  const severity = (random.weighted(category.code === 'safety' || category.code === 'pollution' ? [0.6, 0.25, 0.12, 0.03] : SEVERITY_WEIGHTS) + 1) as Severity;
  const [lon, lat] = draft.point ?? randomPointIn(polygon, random);
  const reported = draft.reportedMs;
  const invalid = random.chance(0.025);
  // A few matters stall after acceptance: they make the long tail of the overdue backlog.
  const stalled = !invalid && asOfMs - reported < 120 * DAY_MS && random.chance(0.004);
  const automatic = channel === 'camera' || channel === 'sensor';
  let dispatched: number | null = null, accepted: number | null = null, resolved: number | null = null, closed: number | null = null;
  if (invalid) {
    closed = reported + random.logNormal(2, 0.8) * HOUR_MS;
  } else {
    dispatched = reported + random.logNormal(automatic ? 0.08 : 0.35, 0.9) * HOUR_MS;
    accepted = dispatched + random.logNormal(RESPONSE_SLA_HOURS[severity] * 0.22, 1.0) * HOUR_MS;
    if (!stalled) {
      resolved = accepted + random.logNormal(category.handlingHours * (severity >= 3 ? 0.6 : 1), 0.75) * HOUR_MS;
      closed = resolved + random.logNormal(4, 0.9) * HOUR_MS;
    }
  }
  const upTo = (ms: number | null) => (ms !== null && ms <= asOfMs ? Math.round(ms / 1000) * 1000 : null);
  dispatched = upTo(dispatched); accepted = upTo(accepted); resolved = upTo(resolved); closed = upTo(closed);
  const due = dueAt(category.code, severity, reported);
  let status: EventStatus;
  if (invalid) status = closed !== null ? 'invalid' : 'reported';
  else if (closed !== null) status = 'closed';
  else if (resolved !== null) status = 'resolved';
  else if (accepted !== null) status = severity >= 3 && random.chance(0.3) ? 'escalated' : 'accepted';
  else if (dispatched !== null) status = random.chance(0.1) ? 'returned' : 'dispatched';
  else status = 'reported';
  const isClosed = closed !== null;
  const closedLevel = isClosed ? (invalid ? 'grid' : CLOSED_LEVELS[random.weighted(CLOSED_LEVEL_WEIGHTS[severity])]!) : null;
  const outcome: Outcome | null = isClosed && !invalid ? (['resolved', 'explained', 'unresolved'] as const)[random.weighted([88, 8, 4])]! : null;
  let satisfaction: Satisfaction | null = null;
  if (outcome && isCitizen(channel) && random.chance(0.65)) {
    const late = closed! > due;
    const dissatisfied = 0.05 + (outcome === 'unresolved' ? 0.35 : 0) + (late ? 0.1 : 0);
    satisfaction = random.chance(dissatisfied) ? 'dissatisfied' : random.chance(0.15) ? 'basically_satisfied' : 'satisfied';
  }
  const subcategory = random.pick(category.subcategories);
  const department = closedLevel === 'township' && random.chance(0.2) ? '乡镇（街道）' : category.department;
  return {
    event_id: id, channel, category: category.code, subcategory, severity, lon, lat, grid_code: grid.unit.code,
    department, status, closed_level: closedLevel, reported_at: reported, dispatched_at: dispatched, accepted_at: accepted,
    resolved_at: resolved, closed_at: closed, due_at: due, outcome, satisfaction,
    description: makeDescription(random, category, subcategory, isCitizen(channel)),
    address: draft.address ?? makeAddress(random, grid.county, grid.township, grid.community),
  };
}

interface PlantedPlan { anomalies: PlantedAnomaly[]; byDay: Map<number, Omit<Draft, 'reportedMs'>[]>; extraTotal: number }

/**
 * Plant a few anomalies in recent weeks: single-day spikes of one category in one grid,
 * multi-day surges, and repeated complaints from one address. Their grids are drawn
 * from the busier (urban) grids so that they resemble real hot spots.
 */
function planAnomalies(grids: GridInfo[], options: EventOptions, firstDayStart: number, random: Random): PlantedPlan {
  const byDay = new Map<number, Omit<Draft, 'reportedMs'>[]>();
  const anomalies: PlantedAnomaly[] = [];
  const busy = grids.filter((g) => g.unit.kind === 'urban').sort((a, b) => b.unit.population - a.unit.population || a.unit.code.localeCompare(b.unit.code));
  const candidates = busy.length > 0 ? busy.slice(0, Math.max(10, Math.floor(busy.length / 4))) : grids;
  const lastDay = options.days - 1;
  const scale = Math.max(1, Math.round(Math.sqrt(options.events / 500_000)));
  const plans: { kind: PlantedAnomaly['kind']; category: string; endOffset: number; extras: number[] }[] = [
    { kind: 'spike', category: 'noise', endOffset: 1, extras: [14] },
    { kind: 'spike', category: 'appearance', endOffset: 15, extras: [16] },
    { kind: 'spike', category: 'parking', endOffset: 40, extras: [18] },
    { kind: 'surge', category: 'fumes', endOffset: 5, extras: [2, 4, 6, 9, 12] },
    { kind: 'surge', category: 'muck_truck', endOffset: 26, extras: [2, 3, 5, 8, 11] },
    { kind: 'repeat', category: 'noise', endOffset: 0, extras: [2, 1, 2, 1, 2] },
    { kind: 'repeat', category: 'fumes', endOffset: 18, extras: [1, 2, 1, 2, 1] },
  ];
  let extraTotal = 0;
  plans.forEach((plan, n) => {
    const lastIndex = lastDay - plan.endOffset;
    const firstIndex = lastIndex - plan.extras.length + 1;
    if (firstIndex < 0) return; // Too short a span to hold this anomaly.
    const grid = candidates[random.int(0, candidates.length - 1)]!;
    const category = CATEGORIES.find((c) => c.code === plan.category)!;
    const polygon = preparePolygon(grid.unit.geometry);
    const spot = plan.kind === 'repeat' ? randomPointIn(polygon, random) : null;
    const address = spot ? makeAddress(random, grid.county, grid.township, grid.community) : null;
    const days: PlantedAnomaly['days'] = [];
    plan.extras.forEach((base, k) => {
      const extra = plan.kind === 'repeat' ? base : base * scale;
      const dayIndex = firstIndex + k;
      const list = byDay.get(dayIndex) ?? [];
      for (let e = 0; e < extra; e++) {
        // Repeated complaints land within a few tens of metres of the same doorstep.
        const point = spot ? jitterInside(polygon, spot, random) : null;
        list.push({ grid, category, channel: plan.kind === 'repeat' ? 'hotline' : CHANNELS[random.weighted(CHANNEL_WEIGHTS[category.code]!)]!, point, address });
      }
      byDay.set(dayIndex, list);
      days.push({ date: formatTimestamp(firstDayStart + dayIndex * DAY_MS).slice(0, 10), extra });
      extraTotal += extra;
    });
    anomalies.push({ id: `A${n + 1}`, kind: plan.kind, grid_code: grid.unit.code, category: plan.category, days, ...(spot ? { lon: spot[0], lat: spot[1], address: address! } : {}) });
  });
  return { anomalies, byDay, extraTotal };
}

function jitterInside(polygon: PreparedPolygon, spot: [number, number], random: Random): [number, number] {
  for (let attempt = 0; attempt < 50; attempt++) {
    const lon = Math.round((spot[0] + random.uniform(-0.0002, 0.0002)) * 1e6) / 1e6;
    const lat = Math.round((spot[1] + random.uniform(-0.0002, 0.0002)) * 1e6) / 1e6;
    if (containsPoint(polygon, lon, lat)) return [lon, lat];
  }
  return spot;
}
