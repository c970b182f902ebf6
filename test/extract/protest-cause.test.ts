/**
 * A killing or an attack a protest is about is its cause, not what happened at it: "a rally against the attack on
 * police officers", "the family of a constable who was shot dead held a protest" are peaceful protests even when an
 * armed force is named. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('the attack a protest is about', () => {
  it('a rally led by a police officer against the attack on police personnel is a peaceful protest', () => {
    const e = top(
      code(
        'On Monday, hundreds of residents staged a rally led by a police inspector in Asansol against the attack on police personnel by a mob.',
      ),
    );
    expect(e?.sub_event_type).toBe('Peaceful protest');
  });

  it('the family of a soldier who was shot dead protesting outside a hospital is a peaceful protest', () => {
    const e = top(
      code(
        'On Monday, the family of a soldier who was accidentally shot dead held a protest outside the army hospital in Quetta.',
      ),
    );
    expect(e?.sub_event_type).toBe('Peaceful protest');
  });
});
