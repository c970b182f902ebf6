/** Natural Earth (world-atlas) geometry prepared for a flat Web Mercator map. Pure functions, no DOM. */
type Ring = number[][];

/**
 * Natural Earth polygons in world-atlas are spherical: Russia and Fiji cross the antimeridian and Antarctica wraps
 * the pole. Drawn flat, each crossing becomes a stripe across the whole map. Unwrap longitudes so every ring is
 * continuous (Chukotka continues past 180°), and close a ring that goes all the way round through the pole.
 */
export function unwrapRing(ring: Ring): Ring {
  if (ring.length === 0) return ring;
  const out: Ring = [[ring[0]![0]!, ring[0]![1]!]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const [lon, lat] = ring[i] as [number, number];
    const d = lon - (ring[i - 1]![0] as number);
    if (d > 180) offset -= 360;
    else if (d < -180) offset += 360;
    out.push([lon + offset, lat]);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (Math.abs(last[0]! - first[0]!) > 180) {
    // Leaflet's Web Mercator stops at ±85.05°: close along that latitude on the pole's side.
    const pole = out.reduce((a, p) => a + p[1]!, 0) / out.length < 0 ? -85 : 85;
    out.push([last[0]!, pole], [first[0]!, pole]);
  }
  return out;
}

export function unwrapGeometry(g: GeoJSON.Geometry): GeoJSON.Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/** web/src/admin1-lines.generated.json (scripts/gen-admin1-lines.ts): admin-1 borders as integer deltas. */
export interface Admin1Lines {
  grid: number;
  /** Country (ISO alpha-3) → lines, each [x0, y0, dx1, dy1, …] in `grid` degrees of lon/lat. */
  countries: Record<string, number[][]>;
}

/** Decodes the admin-1 borders into Leaflet [lat, lon] lines per country; malformed lines are skipped. */
export function decodeAdmin1Lines(data: Admin1Lines): Map<string, [number, number][][]> {
  const out = new Map<string, [number, number][][]>();
  const grid = data.grid;
  for (const [country, lines] of Object.entries(data.countries)) {
    const decoded: [number, number][][] = [];
    for (const line of lines) {
      if (line.length < 4 || line.length % 2 !== 0) continue;
      const points: [number, number][] = [];
      let x = 0;
      let y = 0;
      for (let i = 0; i < line.length; i += 2) {
        x += line[i]!;
        y += line[i + 1]!;
        // Rounded back to the grid's decimals: 0.002 × 16001 must print as 32.002, not 32.002000000000002.
        points.push([Math.round(y * grid * 1e6) / 1e6, Math.round(x * grid * 1e6) / 1e6]);
      }
      decoded.push(points);
    }
    if (decoded.length > 0) out.set(country, decoded);
  }
  return out;
}
