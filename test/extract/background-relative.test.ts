/** A trigger in a pluperfect relative clause tells what a participant had done before: no event of its own. */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('pluperfect relative clauses', () => {
  it('"a battery that had been shelling the villages" is no shelling event', () => {
    const events = code(
      'Troops and rebels fought near the ford on Tuesday. A rebel commander said his men had silenced a gun battery that had been shelling the villages.',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Armed clash']);
  });

  it('"the gang, which had abducted two traders," is no abduction event', () => {
    const events = code('Police said the gang, which had abducted two traders in May, was disbanded.');
    expect(events.map((e) => e.sub_event_type)).not.toContain('Abduction/forced disappearance');
  });

  it('the main clause keeps its event', () => {
    const events = code('Gunmen who had hidden in the forest shelled an army post near the ford on Tuesday.');
    expect(events.map((e) => e.sub_event_type)).toContain('Shelling/artillery/missile attack');
  });
});
