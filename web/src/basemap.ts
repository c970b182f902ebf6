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
