/**
 * Two events in one sentence told place by place: "marches were held in A, where …, and in B, where …" gives one
 * event per place, each coded from its own "where" clause, the event word before the first place shared by both,
 * and neither merged into another event of the report. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();
const withPlaces = useCoder({ languageIdentifier: null });

describe('place-by-place sentences', () => {
  it('"in Kassala, where …peacefully, and in Gedaref, where police fired tear gas" is two protests', () => {
    const events = code(
      'On Monday, marches were also held in Kassala, where they ended peacefully, and in Gedaref, where police fired tear gas at the crowd.',
    );
    expect(events.map((e) => e.sub_event_type).sort()).toEqual(['Peaceful protest', 'Protest with intervention']);
  });

  it('the second place keeps its own event beside a lead event of the same kind at the same city', () => {
    const text =
      'Police fired tear gas at protesters in Kano on Monday. Smaller rallies took place in Zaria, where they ended without incident, and in Kano, where police also fired tear gas at marchers near the emir’s palace.';
    const events = withPlaces(text);
    expect(events.filter((e) => e.sub_event_type === 'Protest with intervention')).toHaveLength(2);
    expect(events.filter((e) => e.sub_event_type === 'Peaceful protest')).toHaveLength(1);
  });

  it('a sentence with one "where" clause stays one event', () => {
    const events = code('On Monday, teachers marched in Kassala, where they handed a petition to the governor.');
    expect(events).toHaveLength(1);
  });
});
