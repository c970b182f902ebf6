// Date expressions: absolute, relative to the publication date, and background history.
import { describe, expect, it } from 'vitest';
import { findDates, parsePublished } from '../../src/extract/dates.js';

const pub = parsePublished('2024-03-14'); // a Thursday
const first = (s: string, p = pub) => findDates(s, p)[0];

describe('findDates', () => {
  it('an ACLED-style note states its own date', () => {
    const d = first('On 3 February 2021, unidentified gunmen attacked a bus near Kofa.', null);
    expect(d?.date).toEqual({ start: '2021-02-03', end: '2021-02-03', precision: 'day' });
    expect(d?.background).toBe(false);
  });
  it('month-first dates and dates without a year take the publication year', () => {
    expect(first('Fighting resumed on March 9, 2024.')?.date.start).toBe('2024-03-09');
    expect(first('The convoy was ambushed on 11 March.')?.date.start).toBe('2024-03-11');
  });
  it('a weekday is the most recent such day on or before publication', () => {
    expect(first('Troops shelled the ridge on Tuesday.')?.date).toEqual({
      start: '2024-03-12',
      end: '2024-03-12',
      precision: 'day',
    });
    expect(first('Police said the raid happened on Thursday.')?.date.start).toBe('2024-03-14');
  });
  it('yesterday, last night, this week, earlier this month', () => {
    expect(first('Residents fled yesterday.')?.date.start).toBe('2024-03-13');
    expect(first('Drones struck the depot last night.')?.date.start).toBe('2024-03-13');
    expect(first('Clashes continued this week.')?.date).toEqual({
      start: '2024-03-08',
      end: '2024-03-14',
      precision: 'week',
    });
    expect(first('The town changed hands earlier this month.')?.date).toEqual({
      start: '2024-03-01',
      end: '2024-03-14',
      precision: 'month',
    });
  });
  it('a month and year is a month-long interval', () => {
    expect(first('The siege began in May 2023.')?.date).toMatchObject({
      start: '2023-05-01',
      end: '2023-05-31',
      precision: 'month',
    });
  });
  it('history is background: "since 2011", "last year", "in 2015"', () => {
    expect(first('The war has displaced millions since 2011.')?.background).toBe(true);
    expect(first('A similar massacre happened last year.')?.background).toBe(true);
    expect(first('The group was founded in 2015.')?.background).toBe(true);
  });
  it('keeps the span of each expression', () => {
    const s = 'Gunmen struck on Monday.';
    const d = first(s);
    expect(d && s.slice(d.start, d.end)).toBe('on Monday');
  });
});
