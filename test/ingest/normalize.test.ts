import { describe, expect, it } from 'vitest';
import { normalizeText, reportIdFor } from '../../src/ingest/normalize.js';

/**
 * The seven rules applied unconditionally, as before the fast path: the fast path must agree with them everywhere
 * (ids depend on every character of the result).
 */
const reference = (raw: string) =>
  raw
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, ' ')
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ +\n *|\n +/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

describe('normalizeText', () => {
  it('unifies line ends, spaces, invisible characters and blank lines', () => {
    const raw = '\uFEFF  Line\u00A0one\u200B  here \r\nline two\r\r\n\n\n\nthird\u0007 ';
    expect(normalizeText(raw)).toBe('Line one here\nline two\n\nthird');
  });

  it('composes to NFC so precomposed and decomposed letters give one id', () => {
    const composed = 'Diyarbakır Şehri';
    const decomposed = 'Diyarbakır S\u0327ehri';
    expect(normalizeText(decomposed)).toBe(composed);
    expect(reportIdFor(normalizeText(decomposed))).toBe(reportIdFor(normalizeText(composed)));
  });

  it('skips the rewrite only when the rules would change nothing (random mixes of the characters they touch)', () => {
    const alphabet = [
      'a',
      'Z',
      '7',
      ' ',
      '\n',
      '\r',
      '\t',
      '\v',
      '\f',
      '\u0000',
      '\u001F',
      '\u007F',
      '\u0085',
      '\u009F',
      '\u00A0',
      '\u00AD',
      '\u00E9',
      '\u1680',
      '\u2000',
      '\u200A',
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2028',
      '\u2029',
      '\u202F',
      '\u205F',
      '\u2060',
      '\u3000',
      '\uFEFF',
      '\u0301',
      'ı',
      'ح',
      '😀',
    ];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let n = 0; n < 5000; n++) {
      let raw = '';
      const length = next() % 12;
      for (let i = 0; i < length; i++) raw += next() % 3 === 0 ? alphabet[next() % alphabet.length] : 'ab'[next() % 2];
      expect(normalizeText(raw), JSON.stringify(raw)).toBe(reference(raw));
    }
  });

  it('keeps ZWNJ, which Persian spelling needs', () => {
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('gives a 64-hex SHA-256 id that changes with the text', () => {
    const a = reportIdFor('one');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(reportIdFor('two'));
    // Pinned: changing normalization or hashing silently would re-key every stored report.
    expect(a).toBe('7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed');
  });
});

describe('normalizeText fast path', () => {
  it('gives exactly what the seven rules give, on clean and on messy text', () => {
    const alphabet = [
      'a',
      'B',
      'ı',
      'ş',
      'ج',
      'ж',
      '.',
      ' ',
      ' ',
      ' ',
      '\n',
      '\n',
      '\r',
      '\t',
      '\u00A0',
      '\u2009',
      '\u200B',
      '\u200C',
      '\uFEFF',
      '\u00AD',
      '\u0007',
      '\u0085',
      '\u2028',
      'S\u0327',
      'e\u0301',
    ];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = next() % 40;
      // Half the strings draw only from letters, dots, single spaces and single newlines: the fast path.
      const pool = i % 2 === 0 ? alphabet.slice(0, 8) : alphabet;
      for (let k = 0; k < n; k++) s += pool[next() % pool.length];
      expect(normalizeText(s), JSON.stringify(s)).toBe(reference(s));
    }
    const clean = 'KYIV, March 3 (Wire) - Troops advanced.\n\nA second paragraph.';
    expect(normalizeText(clean)).toBe(clean);
  });
});
