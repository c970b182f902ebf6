/** Arrests right after ordinary crime told in the sentence before are police work, not a political event. */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('arrests after ordinary crime', () => {
  it('suspects arrested after a theft make no event', () => {
    const events = code(
      'Thieves stole a mile of copper cable from the tram depot in Lyon overnight, the operator said. Police arrested two suspects found with the cable in a van on Tuesday.',
    );
    expect(events.map((e) => e.sub_event_type)).not.toContain('Arrests');
  });

  it('an arrest of activists after a theft is still coded', () => {
    const events = code(
      'Thieves stole a mile of copper cable from the tram depot in Lyon overnight, the operator said. Police arrested two opposition activists at a sit-in outside the depot on Tuesday.',
    );
    expect(events.length).toBeGreaterThan(0);
  });
});
