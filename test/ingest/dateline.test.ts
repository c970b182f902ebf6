import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/ingest/dateline.js';

describe('parseDateline', () => {
  it('reads place, country and local time', () => {
    const text = 'BEIRUT, LEBANON (4:20 P.M.) – Fighters captured soldiers.';
    const d = parseDateline(text)!;
    expect(d).toMatchObject({ place: 'Beirut', country: 'Lebanon', localTime: '4:20 P.M.', agency: null, date: null });
    expect(text.slice(d.span.start, d.span.end)).toBe('BEIRUT, LEBANON (4:20 P.M.) –');
  });

  it('reads a wire dateline with date and agency; the year comes from the publication date', () => {
    const d = parseDateline('KYIV, Ukraine, March 3 (Reuters) - Troops advanced.', { published: '2022-03-04' })!;
    expect(d).toMatchObject({
      place: 'Kyiv',
      country: 'Ukraine',
      agency: 'Reuters',
      dateText: 'March 3',
      date: '2022-03-03',
    });
  });

  it('puts a dateline date after the publication date into the previous year', () => {
    const d = parseDateline('MOSCOW, Dec 31 (BSW) - Text.', { published: '2023-01-02' })!;
    expect(d.date).toBe('2022-12-31');
  });

  it('leaves the date null without a year or a publication date', () => {
    expect(parseDateline('KYIV, March 3 (Reuters) - Text.')!.date).toBeNull();
  });

  it('reads a bare place and multi-word places in capitals', () => {
    expect(parseDateline('ALEPPO — Shelling hit the city.')).toMatchObject({ place: 'Aleppo', country: null });
    expect(parseDateline('RAS AL-AIN, Syria — Text.')).toMatchObject({ place: 'Ras Al-Ain', country: 'Syria' });
  });

  it('reads a day-month-year date', () => {
    const d = parseDateline('ANKARA, 31 October 2019 (Bosphorus Daily) – Text.')!;
    expect(d).toMatchObject({ place: 'Ankara', date: '2019-10-31', agency: 'Bosphorus Daily' });
  });

  it('finds a dateline after a title line, with offsets into the whole text', () => {
    const text = 'Fighters capture soldiers near Tal Tamr\n\nTAL TAMR, Syria — The attack began at dawn.';
    const d = parseDateline(text)!;
    expect(text.slice(d.span.start, d.span.end)).toBe('TAL TAMR, Syria —');
  });

  it('rejects headings and sentences that are not datelines', () => {
    expect(parseDateline('BREAKING — Explosion reported downtown.')).toBeNull();
    expect(parseDateline('UPDATE - figures revised.')).toBeNull();
    expect(parseDateline('Russia - Ukraine war: live updates')).toBeNull();
    expect(parseDateline('The army said on Monday that it had retaken the town.')).toBeNull();
  });
});
