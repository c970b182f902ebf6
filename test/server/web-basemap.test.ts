import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Admin1Lines, decodeAdmin1Lines, unwrapGeometry, unwrapRing } from '../../web/src/basemap.js';

describe('basemap rings (web/src/basemap.ts)', () => {
  it('keeps a ring that does not cross the antimeridian as it is', () => {
    const ring = [
      [10, 10],
      [20, 10],
      [20, 20],
      [10, 10],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });

  it('continues a ring past 180° instead of jumping to -180° (no stripe across the map)', () => {
    const out = unwrapRing([
      [170, 60],
      [179, 62],
      [-179, 64],
      [-175, 66],
      [179, 66],
      [170, 60],
    ]);
    expect(out.map((p) => p[0])).toEqual([170, 179, 181, 185, 179, 170]);
    for (let i = 1; i < out.length; i++) expect(Math.abs(out[i]![0]! - out[i - 1]![0]!)).toBeLessThan(180);
  });

  it('closes a ring that goes round the pole along the map edge on that side', () => {
    const out = unwrapRing([
      [-180, -70],
      [-90, -72],
      [0, -70],
      [90, -68],
      [179.9, -70],
    ]);
    expect(out.slice(-2)).toEqual([
      [179.9, -85],
      [-180, -85],
    ]);
  });

  it('unwraps every ring of a multipolygon and leaves other geometries alone', () => {
    const g = unwrapGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 0],
            [-179, 1],
            [179, 0],
          ],
        ],
      ],
    });
    expect((g as { coordinates: number[][][][] }).coordinates[0]![0]!.map((p) => p[0])).toEqual([179, 181, 179]);
    const point = { type: 'Point' as const, coordinates: [1, 2] };
    expect(unwrapGeometry(point)).toBe(point);
  });
});

describe('admin-1 borders (web/src/admin1-lines.generated.json, decodeAdmin1Lines)', () => {
  it('decodes integer deltas on the grid into [lat, lon] lines and skips malformed ones', () => {
    const lines = decodeAdmin1Lines({
      grid: 0.002,
      countries: {
        XXA: [
          [16000, 17500, 1, -2, 3, 0],
          [1, 2, 3],
        ],
        XXB: [[5]],
      },
    });
    expect([...lines.keys()]).toEqual(['XXA']);
    expect(lines.get('XXA')).toEqual([
      [
        [35, 32],
        [34.996, 32.002],
        [34.996, 32.008],
      ],
    ]);
  });

  it('ships well-formed borders inside their countries for the conflict regions the samples cover', () => {
    const data = JSON.parse(
      readFileSync(new URL('../../web/src/admin1-lines.generated.json', import.meta.url), 'utf8'),
    ) as Admin1Lines & { generated: string };
    expect(data.generated).toMatch(/^by scripts\/gen-admin1-lines\.ts/);
    const lines = decodeAdmin1Lines(data);
    expect(lines.size).toBeGreaterThan(150);
    for (const [country, list] of Object.entries(data.countries)) {
      expect(country).toMatch(/^[A-Z0-9]{3}$/);
      for (const l of list) expect(l.length % 2 === 0 && l.length >= 4).toBe(true);
    }
    // Rough boxes around each country: every decoded point of its borders falls inside.
    const boxes: Record<string, [number, number, number, number]> = {
      UKR: [22, 44, 41, 53],
      SYR: [35, 32, 43, 38],
      NGA: [2, 4, 15, 14],
      SDN: [21, 8, 39, 23],
    };
    for (const [country, [w, s, e, n]] of Object.entries(boxes)) {
      const list = lines.get(country);
      expect(list && list.length > 0, country).toBe(true);
      for (const line of list!)
        for (const [lat, lon] of line) expect(lon >= w && lon <= e && lat >= s && lat <= n, country).toBe(true);
    }
  });
});
