// Certainty and attribution from hedges, attribution verbs and denials.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessCertainty, compileCertaintyLexicon } from '../../src/extract/certainty.js';
import { defaultDataDir, readLexiconFile } from '../../src/extract/lexicon-file.js';

const rules = compileCertaintyLexicon(readLexiconFile(path.join(defaultDataDir(), 'lexicons/certainty.txt'), 3));

describe('assessCertainty', () => {
  it('the outlet stating a fact is reported, without attribution', () => {
    expect(assessCertainty(rules, 'Artillery hit the northern district on Monday.')).toMatchObject({
      certainty: 'reported',
      attribution: null,
    });
  });
  it('"according to X" is reported and attributed to X', () => {
    const c = assessCertainty(rules, 'Four people were killed, according to the district health office.');
    expect(c.certainty).toBe('reported');
    expect(c.attribution).toBe('the district health office');
  });
  it('a party speaking of its own action is a claim', () => {
    const c = assessCertainty(rules, 'The Northern Brigade claimed it had destroyed two tanks.');
    expect(c.certainty).toBe('claimed');
    expect(c.attribution).toMatch(/Northern Brigade/);
  });
  it('hedges make it unconfirmed', () => {
    expect(assessCertainty(rules, 'Reports of executions remain unconfirmed.').certainty).toBe('unconfirmed');
    expect(assessCertainty(rules, 'The footage could not be independently verified.').certainty).toBe('unconfirmed');
    expect(assessCertainty(rules, 'It is not clear whether anyone was hurt.').certainty).toBe('unconfirmed');
  });
  it('a denial outweighs the report it answers', () => {
    const c = assessCertainty(rules, 'The ministry denied that its jets struck the clinic, state media said.');
    expect(c.certainty).toBe('denied');
    expect(c.attribution).toMatch(/ministry/);
  });
});
