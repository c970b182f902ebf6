/**
 * The event another one answers ("in retaliation for…", "in response to…", "to avenge…") is its reason, told here
 * only in passing: no event of its own, and neither its place nor its parties go to the answer.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder();
const withPlaces = useCoder({ languageIdentifier: null });

describe('answered events', () => {
  it('"shelled … in retaliation for a drone strike" is one shelling, not a drone strike', () => {
    const events = code(
      'Russian forces shelled the town on Monday in retaliation for a Ukrainian drone strike, officials said.',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Shelling/artillery/missile attack']);
  });

  it("the answered strike's place and attacker are not the shelling's", () => {
    const [e] = withPlaces(
      'Russian forces shelled Kharkiv on Monday in retaliation for a Ukrainian drone strike on Belgorod, the governor said.',
    );
    expect(e?.location?.name).toBe('Kharkiv');
    expect(e?.actor1?.name).toBe('Military Forces of Russia');
    expect(e?.actor2?.name ?? null).not.toBe('Military Forces of Ukraine');
  });

  it('"in response to an ambush" and "to avenge the killing of two officers" are reasons: no clash, no deaths', () => {
    const events = code(
      'In response to an ambush on a police convoy, troops raided the village on Friday and arrested 12 men to avenge the killing of two officers.',
    );
    expect(events.map((e) => e.sub_event_type)).not.toContain('Armed clash');
    expect(events.map((e) => e.fatalities)).toEqual(events.map(() => null));
  });

  it('an answer told on its own stays an event: "the strike was a reprisal, officials said" is not a cue', () => {
    const events = code('A drone strike hit a fuel depot near the border on Monday; officials called it a reprisal.');
    expect(events.map((e) => e.sub_event_type)).toEqual(['Air/drone strike']);
  });
});
