import { describe, expect, it } from 'vitest';
import { unwrapGeometry, unwrapRing } from '../../web/src/basemap.js';

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
