/** Where an event happened: a place the geoparser marks as describing an actor is never the event's location. */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { stubGeoparser } from '../helpers/stub-geoparser.js';

describe('event location', () => {
  it('skips a country named as the attacker’s attribute and falls back to the place of the story', async () => {
    const geoparser = stubGeoparser([
      { text: 'Qaryat Nur', country: 'SY', feature: 'PPL' },
      { text: 'Turkey', country: 'TR', feature: 'PCLI', role: 'attribute' },
    ]);
    const ex = await createExtractor({ geoparser, languageIdentifier: null });
    const text =
      'Residents of Qaryat Nur fled on Monday. Forces loyal to Turkey shelled the area for hours, killing two civilians.';
    const events = ex.extract({ id: 'loc-1', text, published: '2024-03-14' }).events;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.location?.country).toBe('SY');
  });

  it('uses the same country when it is not marked as an attribute', async () => {
    const geoparser = stubGeoparser([{ text: 'Turkey', country: 'TR', feature: 'PCLI' }]);
    const ex = await createExtractor({ geoparser, languageIdentifier: null });
    const text = 'Gunmen shelled a border post in Turkey on Monday, killing two soldiers.';
    const [e] = ex.extract({ id: 'loc-2', text, published: '2024-03-14' }).events;
    expect(e?.location?.country).toBe('TR');
  });
});

describe('places inside actor names', () => {
  it('are listed as toponyms of the text but never become the event location', async () => {
    const ex = await createExtractor({ languageIdentifier: null });
    const text = 'Egyptian police arrested five men in Alexandria on Monday, the interior ministry said.';
    const out = ex.extract({ id: 'actor-place', text, published: '2024-03-12' });
    expect(out.places.map((p) => p.text)).toEqual(['Egyptian', 'Alexandria']);
    expect(out.events[0]?.actor1?.text).toBe('Egyptian police');
    expect(out.events[0]?.location).toMatchObject({ name: 'Alexandria', country: 'EG' });
  });
});
