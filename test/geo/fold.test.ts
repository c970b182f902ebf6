import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/geo/fold.js';

describe('foldName', () => {
  it('folds Arabic transliteration variants of one name to one key', () => {
    const variants = ["Ra's al 'Ayn", 'Ras al-Ain', "Ras Al-'Ayn", 'Ra’s al ‘Ayn', 'Ras el Ain'];
    expect(new Set(variants.map(foldName))).toEqual(new Set(['ras al ain']));
  });

  it('treats Tal, Tall, Tel and Tell alike', () => {
    expect(new Set(['Tal Tamr', 'Tall Tamr', 'Tel Tamr', 'Tell Tamr'].map(foldName))).toEqual(new Set(['tal tamr']));
    expect(foldName('Tell el-Hawa')).toBe(foldName('Tal al-Hawa'));
  });

  it('drops a leading article and transliteration endings', () => {
    expect(foldName('Al-Hasakah')).toBe(foldName('Hasaka'));
    expect(foldName('ar-Raqqah')).toBe(foldName('Raqqa'));
    expect(foldName('as-Sukhnah')).toBe(foldName('Sukhna'));
  });

  it('removes diacritics and hamza/ayn marks', () => {
    expect(foldName('Serêkaniyê')).toBe('serekaniye');
    expect(foldName('Ḩalab')).toBe('halab');
    expect(foldName('Ma‘arrat an-Nu‘man')).toBe(foldName('Maarrat al-Numan'));
  });

  it('unifies Arabic-script letter variants', () => {
    expect(foldName('مدينة حمص')).toBe(foldName('مدينه حمص'));
    expect(foldName('الحسكة')).toBe(foldName('حسكه'));
  });

  it('keeps dotted abbreviations apart from words', () => {
    expect(foldName('U.S.')).toBe('u.s.');
    expect(foldName('La.')).not.toBe(foldName('L.A.'));
    expect(foldName('Kan.')).not.toBe(foldName('Kan'));
  });

  it('returns an empty key for punctuation only', () => {
    expect(foldName(' - ')).toBe('');
  });

  it('folds ASCII names (its fast path) as the general path does: marks, endings, articles, abbreviations', () => {
    // Expected values are those of the general path (no ASCII shortcut), which also built the gazetteer's keys.
    const cases: [string, string][] = [
      ['Husayn', 'husain'],
      ['RAQQAH', 'raqqa'],
      ['Al-Mayadin', 'mayadin'],
      ['Ra`s al Ayn', 'ras al ain'],
      ["Ras al-'Ayn", 'ras al ain'],
      ['Tell Abyad', 'tal abyad'],
      ['Sheikh', 'sheikh'],
      ['Hah', 'ha'],
      ['Ah', 'ah'],
      ['Wash.', 'wash.'],
      ['al-Qaryatayn', 'qaryatain'],
    ];
    for (const [name, key] of cases) expect(foldName(name), name).toBe(key);
    // The same name with a non-ASCII letter takes the general path and meets the same key.
    expect(foldName('Ra’s al ‘Ayn')).toBe(foldName("Ra's al 'Ayn"));
  });
});
