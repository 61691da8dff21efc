import * as turf from '@turf/turf';
import type { GridKind, Unit, UnitLevel } from '../../src/domain/units';
import { apportion, Random } from './random';
import { communityShortName } from './text';
import { type Area, areaKm2, preparePolygon, randomPointIn, randomPointNear, roundGeometry, splitByVoronoi } from './polygon';

export interface SourceTownship { code: string; name: string; county_code: string }
export interface SourceCommunity { code: string; name: string; township_code: string }

/** A generated unit with its outline and the point around which its people cluster. */
export interface GeneratedUnit extends Unit {
  geometry: Area;
  /** Where the unit's centre of activity is (the county seat for urban streets). */
  core: [number, number];
}

export type TownshipType = 'street' | 'town' | 'rural';

/** 街道 are urban streets, 镇 towns, 乡 rural townships (by the official name's suffix). */
export function townshipType(name: string): TownshipType {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  return 'rural';
}

const TOWNSHIP_POPULATION: Record<TownshipType, [number, number]> = {
  street: [42_000, 14_000],
  town: [19_000, 7_000],
  rural: [6_000, 2_000],
};

/** Residents one grid worker looks after, by grid kind (urban grids are denser). */
const RESIDENTS_PER_WORKER: Record<GridKind, number> = { urban: 1500, rural: 800, special: 600 };

/**
 * Build the whole hierarchy below the real county outlines: townships with their real
 * names and codes as Voronoi cells (urban streets packed around the county seat),
 * communities with real names inside them, and synthetic grids inside communities.
 * Population is set on grids and summed upward, so every level adds up exactly.
 */
export function generateHierarchy(
  city: { code: string; name: string; geometry: Area },
  counties: { code: string; name: string; geometry: Area }[],
  townships: SourceTownship[],
  communities: SourceCommunity[],
  random: Random,
): GeneratedUnit[] {
  const units: GeneratedUnit[] = [];
  const communitiesByTownship = groupBy(communities, (c) => c.township_code);
  for (const county of counties) {
    const countyRandom = random.fork(county.code);
    const countyPolygon = preparePolygon(county.geometry);
    const seat = turf.pointOnFeature(county.geometry).geometry.coordinates as [number, number];
    const own = townships.filter((t) => t.county_code === county.code);
    const seeds = own.map((t) => townshipType(t.name) === 'street'
      ? randomPointNear(countyPolygon, countyRandom, seat[0], seat[1], 0.025, 5)
      : randomPointIn(countyPolygon, countyRandom, 5));
    const cells = splitByVoronoi(county.geometry, seeds);
    own.forEach((township, i) => {
      const cell = cells[i];
      if (!cell) throw new Error(`Township ${township.code} ${township.name} got an empty cell`);
      const members = communitiesByTownship.get(township.code) ?? [];
      units.push(...generateTownship(township, roundGeometry(cell, 5), seeds[i]!, members, countyRandom.fork(township.code)));
    });
  }
  const grids = units.filter((u) => u.level === 'grid');
  if (grids.length === 0) throw new Error('No grids generated');
  const countyUnits = counties.map((c) => ({ ...emptyUnit(c.code, c.name, 'county', city.code), geometry: c.geometry, core: turf.pointOnFeature(c.geometry).geometry.coordinates as [number, number] }));
  const cityUnit = { ...emptyUnit(city.code, city.name, 'city', null), geometry: city.geometry, core: turf.pointOnFeature(city.geometry).geometry.coordinates as [number, number] };
  const all = [cityUnit, ...countyUnits, ...units];
  const sums = sumUpward(all);
  for (const unit of all) {
    if (unit.level === 'grid') continue;
    const sum = sums.get(unit.code);
    if (!sum) throw new Error(`Unit ${unit.code} has no grids below it`);
    Object.assign(unit, sum);
  }
  return all;
}

function generateTownship(township: SourceTownship, geometry: Area, core: [number, number], members: SourceCommunity[], random: Random): GeneratedUnit[] {
  const type = townshipType(township.name);
  const polygon = preparePolygon(geometry);
  // A township the statistics list without villages still needs communities to hold grids.
  const communityList = members.length > 0 ? members : [1, 2, 3].map((n) => ({ code: `${township.code}${String(n).padStart(3, '0')}`, name: `${township.name.replace(/(街道|镇|乡)$/, '')}第${n}社区`, township_code: township.code }));
  const seeds = communityList.map(() => type === 'rural' ? randomPointIn(polygon, random, 5) : randomPointNear(polygon, random, core[0], core[1], type === 'street' ? 0.012 : 0.02, 5));
  const cells = splitByVoronoi(geometry, seeds);
  const result: GeneratedUnit[] = [emptyGenerated(township.code, township.name, 'township', township.county_code, geometry, core)];
  const gridPopulationWeights: number[] = [];
  const grids: GeneratedUnit[] = [];
  communityList.forEach((community, i) => {
    const cell = cells[i];
    if (!cell) return; // A seed whose Voronoi cell vanished after clipping: the community is merged away.
    const communityGeometry = roundGeometry(cell, 5);
    const communityCore = seeds[i]!;
    result.push(emptyGenerated(community.code, community.name, 'community', township.code, communityGeometry, communityCore));
    const gridCount = type === 'street' ? random.int(3, 6) : type === 'town' ? random.int(1, 3) : random.int(1, 2);
    const communityPolygon = preparePolygon(communityGeometry);
    const gridSeeds = Array.from({ length: gridCount }, () => randomPointIn(communityPolygon, random, 5));
    const gridCells = splitByVoronoi(communityGeometry, gridSeeds);
    gridCells.forEach((gridCell, g) => {
      if (!gridCell) return;
      const kind: GridKind = random.chance(0.03) && type !== 'rural' ? 'special' : type === 'street' || (type === 'town' && g === 0 && random.chance(0.4)) ? 'urban' : 'rural';
      const gridGeometry = roundGeometry(gridCell, 5);
      const code = `${community.code}${String(g + 1).padStart(3, '0')}`;
      const name = `${communityShortName(community.name)}${kind === 'special' ? '园区' : ''}第${g + 1}网格`;
      const grid = emptyGenerated(code, name, 'grid', community.code, gridGeometry, gridSeeds[g]!);
      grid.kind = kind;
      grid.area_km2 = areaKm2(gridGeometry);
      grids.push(grid);
      gridPopulationWeights.push(kind === 'special' ? random.uniform(0.1, 0.3) : random.uniform(0.6, 1.4));
    });
  });
  const [mean, sd] = TOWNSHIP_POPULATION[type];
  const population = Math.max(1500, Math.round(mean + sd * random.normal()));
  const shares = apportion(population, gridPopulationWeights);
  grids.forEach((grid, i) => {
    grid.population = shares[i] ?? 0;
    grid.households = Math.round(grid.population / random.uniform(2.3, 3.0));
    grid.grid_workers = Math.max(1, Math.round(grid.population / RESIDENTS_PER_WORKER[grid.kind ?? 'rural']));
  });
  return [...result, ...grids];
}

function emptyUnit(code: string, name: string, level: UnitLevel, parent: string | null): Unit {
  return { code, name, level, parent_code: parent, population: 0, households: 0, area_km2: 0, grid_workers: 0, kind: null };
}

function emptyGenerated(code: string, name: string, level: UnitLevel, parent: string, geometry: Area, core: [number, number]): GeneratedUnit {
  return { ...emptyUnit(code, name, level, parent), geometry, core };
}

/** Totals of every unit above the grids, from the grids up, so that levels add up exactly. */
function sumUpward(units: GeneratedUnit[]): Map<string, Pick<Unit, 'population' | 'households' | 'area_km2' | 'grid_workers'>> {
  const parentOf = new Map(units.map((u) => [u.code, u.parent_code]));
  const sums = new Map<string, { population: number; households: number; area_km2: number; grid_workers: number }>();
  for (const grid of units) {
    if (grid.level !== 'grid') continue;
    for (let code = grid.parent_code; code; code = parentOf.get(code) ?? null) {
      const sum = sums.get(code) ?? { population: 0, households: 0, area_km2: 0, grid_workers: 0 };
      sum.population += grid.population;
      sum.households += grid.households;
      sum.area_km2 = Math.round((sum.area_km2 + grid.area_km2) * 1000) / 1000;
      sum.grid_workers += grid.grid_workers;
      sums.set(code, sum);
    }
  }
  return sums;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item); else groups.set(k, [item]);
  }
  return groups;
}
