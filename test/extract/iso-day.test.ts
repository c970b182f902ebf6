// isoDay formats by hand for speed; it must agree with toISOString() wherever that is defined.
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/extract/dates.js';

describe('isoDay', () => {
  it('equals toISOString().slice(0, 10) on every day of 1999-2001 and on far years', () => {
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2001, 11, 31); t += 86_400_000) {
      const d = new Date(t + 3_600_000 * 23);
      expect(isoDay(d)).toBe(d.toISOString().slice(0, 10));
    }
    for (const y of [1, 999, 1000, 9999, 10000, -5]) {
      const d = new Date(Date.UTC(2000, 1, 29));
      d.setUTCFullYear(y);
      expect(isoDay(d)).toBe(d.toISOString().slice(0, 10));
    }
  });
  it('throws on an invalid date, as toISOString() does', () => {
    expect(() => isoDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
