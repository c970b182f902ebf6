// Sentence splitting keeps offsets and does not break after abbreviations and initials.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

describe('splitSentences', () => {
  it('splits at sentence ends and keeps offsets into the text', () => {
    const text = 'Shells hit the market. Two people died! Was it the army? Nobody knows.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Shells hit the market.',
      'Two people died!',
      'Was it the army?',
      'Nobody knows.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('does not split after titles, ranks, initials or U.S.', () => {
    const s = splitSentences('Gen. A. Musa said U.S. drones hit the camp. Dr. Lee confirmed it.');
    expect(s).toHaveLength(2);
  });
  it('a blank line ends a headline without punctuation', () => {
    const s = splitSentences('Rebels seize border post\n\nThe rebels took the post at dawn.');
    expect(s.map((x) => x.text)).toEqual(['Rebels seize border post', 'The rebels took the post at dawn.']);
  });
});
