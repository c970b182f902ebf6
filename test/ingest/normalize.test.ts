import { describe, expect, it } from 'vitest';
import { normalizeText, reportIdFor } from '../../src/ingest/normalize.js';

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
