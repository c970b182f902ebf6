/** A definite event noun ("the clashes", "the shooting") names an event the text has already told: no new event. */
import { describe, expect, it } from 'vitest';
import { isDefiniteMention } from '../../src/extract/events.js';
import type { TriggerHit } from '../../src/extract/triggers.js';

/** The trigger `word` (its first occurrence) in `text`, as the trigger matcher would hand it over. */
function hit(text: string, word: string): TriggerHit {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, entry: {} as TriggerHit['entry'] };
}

describe('definite mentions of an event told before', () => {
  it('"the clashes", "this attack", "the ensuing shooting" refer back', () => {
    const a = 'Troops and rebels fought near the ford. The clashes centred on a hill above it.';
    expect(isDefiniteMention(a, hit(a, 'clashes'))).toBe(true);
    const b = 'Officials said this attack was the worst in the province.';
    expect(isDefiniteMention(b, hit(b, 'attack'))).toBe(true);
    const c = 'Witnesses said the ensuing shooting lasted until dusk.';
    expect(isDefiniteMention(c, hit(c, 'shooting'))).toBe(true);
  });

  it('an indefinite, ordinal or "other" event noun introduces another event', () => {
    const a = 'A second attack hit a convoy near the bridge.';
    expect(isDefiniteMention(a, hit(a, 'attack'))).toBe(false);
    const b = 'The second shelling hit a convoy near the bridge.';
    expect(isDefiniteMention(b, hit(b, 'shelling'))).toBe(false);
    const c = 'In the other raid, gunmen took four herders.';
    expect(isDefiniteMention(c, hit(c, 'raid'))).toBe(false);
    const d = 'Gunmen attacked the market at dawn.';
    expect(isDefiniteMention(d, hit(d, 'attacked'))).toBe(false);
  });
});
