/**
 * "… while they were sitting in" describes the same people at the same moment: one event, not two. A "while" clause
 * with its own subject ("while rebels were attacking …") still tells a second event.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('"while" clauses', () => {
  it('"students clashed with police while they were sitting in" is one violent demonstration', () => {
    const events = code(
      'On Monday, six students clashed with police outside the university in Patna while they were holding a sit-in demanding exam fee refunds.',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Violent demonstration']);
  });

  it('a "while" clause with its own subject is a second event', () => {
    const events = code(
      'Troops clashed with rebels near Goma on Monday while protesters were marching peacefully in Kinshasa.',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Armed clash', 'Peaceful protest']);
  });
});
