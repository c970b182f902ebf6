/**
 * A party's own account of an event the report has already told ("state media said the army had targeted terrorist
 * positions") is no new event; told first, or with a specific verb, it is the news.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder({ languageIdentifier: null });

describe("a party's account of the same event", () => {
  it('"state media said the army had targeted terrorist positions" after the strike is no second event', () => {
    const events = code(
      [
        'Air strike kills six near Ariha',
        '',
        "BEIRUT, Aug 14 (LW) - An air strike on the outskirts of Ariha in Syria's Idlib province killed six civilians on Wednesday morning, rescue workers said.",
        '',
        'Residents blamed Russian aircraft. Russia did not respond to a request for comment. Syrian state media said the army had targeted "terrorist positions" in the Ariha countryside but did not mention civilian casualties.',
      ].join('\n'),
      '2024-08-14',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Air/drone strike']);
  });

  it('told first, the account is the news: "Officials said gunmen had attacked the village"', () => {
    const events = code('Officials said gunmen had attacked the village on Tuesday and killed four farmers.');
    expect(events).toHaveLength(1);
  });

  it('a specific verb tells its own event: "the rebels said they had shelled army posts"', () => {
    const events = code(
      [
        'An air strike on a market near the town killed five civilians on Tuesday, rescuers said.',
        'In a separate incident, the rebels said they had shelled army posts on the hills.',
      ].join(' '),
    );
    expect(events.map((e) => e.sub_event_type)).toContain('Shelling/artillery/missile attack');
  });
});
