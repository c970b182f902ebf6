/**
 * Fire that names neither who fired nor whom it hit, at the place and on the day of an armed clash the report tells,
 * is that battle's (ACLED codes one armed clash); fire with a named side or victims stays its own event.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder({ languageIdentifier: null });

const report = (fire: string) =>
  [
    'Fighting for Sake',
    '',
    'The Congolese army and M23 rebels fought all day on Monday on the hills east of Sake, in Masisi territory.',
    '',
    `${fire} The army said it remained in control of the town.`,
  ].join('\n');

describe('fire during a battle', () => {
  it('"shells fired from the hills fell near the market" joins the clash', () => {
    const events = code(
      report('Residents said shells fired from the hills fell near the Sake market in the afternoon.'),
      '2024-02-12',
    );
    expect(events.map((e) => e.sub_event_type)).toEqual(['Armed clash']);
  });

  it('fire that kills civilians stays an event of its own', () => {
    const events = code(
      report('Residents said shells fired from the hills killed three traders near the Sake market in the afternoon.'),
      '2024-02-12',
    );
    expect(events.map((e) => e.sub_event_type).sort()).toEqual(['Armed clash', 'Shelling/artillery/missile attack']);
  });
});
