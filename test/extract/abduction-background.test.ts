/**
 * A killing told first and the victim's earlier abduction told after it ("The body of a man was found … He had been
 * kidnapped on Friday") are one event: the killing, as ACLED codes it. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('an abduction told after the killing', () => {
  it('"the body of a man was found … He had been kidnapped" is one attack', () => {
    const events = code(
      'On Monday, the body of a man with gunshot wounds was found beside a road near Celaya. He had been kidnapped on Friday.',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Attack']);
  });
});
