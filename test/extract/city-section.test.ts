/**
 * A place named as a section of a city ("the Saltivskyi district"), close to the city another sentence places the
 * same attack at, is that city's: one event, as ACLED codes it. Two towns named outright stay two events.
 */
import { describe, expect, it } from 'vitest';
import { useCoder } from '../helpers/coder.js';

const code = useCoder({ languageIdentifier: null });

describe('a city and one of its districts', () => {
  it('"Russian forces shelled Kharkiv … shells hit the Saltivskyi district" is one shelling', () => {
    const events = code(
      [
        'Russian forces shelled Kharkiv on Monday morning, the regional governor said.',
        'Shells fired by Russian forces hit the Saltivskyi district near a tram depot, he said.',
      ].join(' '),
      '2024-06-03',
    );
    expect(events.map((e) => `${e.sub_event_type}@${e.location?.name}`)).toEqual([
      'Shelling/artillery/missile attack@Kharkiv',
    ]);
  });

  it('a nearby town named outright (Chuhuiv, no district word) stays an event of its own', () => {
    const events = code(
      [
        'Russian forces shelled Kharkiv on Monday morning, the regional governor said.',
        'Russian forces also shelled Chuhuiv on Monday, he said.',
      ].join(' '),
      '2024-06-03',
    );
    expect(events.map((e) => e.location?.name)).toEqual(['Kharkiv', 'Chuhuiv']);
  });
});
