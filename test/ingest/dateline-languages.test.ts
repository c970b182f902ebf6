/** French and Spanish wire datelines, and the rules data/ingest/datelines.txt must follow. Sentences are our own. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/extract/lexicon-file.js';
import { compileDatelineWords, loadDatelineWords, parseDateline } from '../../src/ingest/dateline.js';

describe('parseDateline in French and Spanish wire style', () => {
  it('reads an agency in brackets after a place in capitals (AFP style)', () => {
    const text = 'KYIV (AFP) — Des frappes ont visé la ville dans la nuit.';
    const d = parseDateline(text)!;
    expect(d).toMatchObject({ place: 'Kyiv', agency: 'AFP', date: null });
    expect(text.slice(d.span.start, d.span.end)).toBe('KYIV (AFP) —');
  });

  it('reads a French day and month, giving it the year of publication', () => {
    const d = parseDateline('BEYROUTH, 4 mars (Reuters) - Des tirs ont été entendus au sud.', {
      published: '2024-03-05',
    })!;
    expect(d).toMatchObject({ place: 'Beyrouth', dateText: '4 mars', date: '2024-03-04', agency: 'Reuters' });
    expect(parseDateline('GAZA, 12 déc. (AFP) – Texte.', { published: '2024-01-03' })).toMatchObject({
      dateText: '12 déc.',
      date: '2023-12-12',
    });
    expect(parseDateline('NIAMEY, 1er février 2024 -- Texte.')).toMatchObject({ place: 'Niamey', date: '2024-02-01' });
  });

  it('reads the Spanish ".-" closing and abbreviated or spelt-out months', () => {
    const text = 'MADRID, 3 mar (EFE).- El Gobierno anunció nuevas medidas.';
    const d = parseDateline(text, { published: '2024-03-04' })!;
    expect(d).toMatchObject({ place: 'Madrid', dateText: '3 mar', date: '2024-03-03', agency: 'EFE' });
    expect(text.slice(d.span.start, d.span.end)).toBe('MADRID, 3 mar (EFE).-');
    expect(parseDateline('Bogotá, 7 de agosto de 2023 (EFE).- Texto.')).toMatchObject({
      place: 'Bogotá',
      date: '2023-08-07',
    });
  });

  it('keeps French and Spanish flash headings out', () => {
    expect(parseDateline('ÚLTIMA HORA - Explosión en el puerto.')).toBeNull();
    expect(parseDateline('ALERTE — Séisme ressenti dans la région.')).toBeNull();
  });

  it('still reads English datelines as before', () => {
    expect(
      parseDateline('KYIV, Ukraine, March 3 (Reuters) - Troops advanced.', { published: '2022-03-04' }),
    ).toMatchObject({ place: 'Kyiv', country: 'Ukraine', date: '2022-03-03', agency: 'Reuters' });
  });
});

describe('data/ingest/datelines.txt', () => {
  const file = `${defaultDataDir()}/ingest/datelines.txt`;

  it('opens with its source, licence and known gaps, and gives every month of each language once', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/# source:[\s\S]*# licence:[\s\S]*# known gaps:/);
    for (const language of ['fr', 'es']) {
      const numbers = text
        .split('\n')
        .filter((l) => l.startsWith(`month | ${language} |`))
        .map((l) => Number(l.split(' | ')[3]));
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
    expect(loadDatelineWords(file).months.get('mars')).toBe(3);
  });

  it('refuses a name given to two months, naming the line', () => {
    expect(() => compileDatelineWords('dash | -\nmonth | xx | mar | 3\nmonth | yy | mar | 5', 'bad.txt')).toThrow(
      /bad\.txt:3: 'mar' is already month 3/,
    );
    expect(() => compileDatelineWords('month | xx | mar | 13\ndash | -', 'bad.txt')).toThrow(/bad\.txt:1/);
  });
});
