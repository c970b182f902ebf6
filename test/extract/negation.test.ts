/**
 * What did not happen: a negated trigger ("No pupil … was abducted") restating an event of its type told elsewhere
 * in the text is no second event; a district word after a town's name ("the Sabon Birni local government
 * area") puts the event in the district, not at the town; a former military site is no military actor. Invented
 * sentences.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { top, useCoder } from '../helpers/coder.js';
import { stubGeoparser } from '../helpers/stub-geoparser.js';

const code = useCoder();

describe('negated triggers', () => {
  it('a negated restatement of a denied abduction is no second event', () => {
    const events = code(
      'The Zamfara government on Friday denied reports that gunmen had abducted pupils in Kaura Namoda. "No pupil in Kaura Namoda was abducted," the commissioner said.',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.certainty).toBe('denied');
  });

  it("a reported abduction and a party's negated account of it are one event", () => {
    const events = code(
      'Gunmen abducted 20 pupils from a school in Jangebe on Thursday, residents said. "No pupil was taken hostage in Jangebe," a police spokesman said.',
    );
    expect(events).toHaveLength(1);
  });

  it('alone, a negated statement stays the denied event it describes', () => {
    const events = code('"No pupil or teacher of the school in Gusau was abducted," the statement said on Friday.');
    expect(events).toHaveLength(1);
    expect(events[0]?.certainty).toBe('denied');
  });

  it('"nobody was killed" leaves the attack it qualifies', () => {
    const e = top(code('On Friday, gunmen attacked a bus near Garissa; nobody was killed.'));
    expect(e?.event_type).toBe('Violence against civilians');
  });
});

describe('a town named with a district word', () => {
  it('"in the Sabon Birni local government area" is the district (admin2), not the town', async () => {
    const geoparser = stubGeoparser([{ text: 'Sabon Birni', country: 'NG', feature: 'PPL' }]);
    const ex = await createExtractor({ geoparser, languageIdentifier: null });
    const text = 'Gunmen abducted 12 farmers in the Sabon Birni local government area of Sokoto State on Monday.';
    const e = top(ex.extract({ id: 'lga', text, published: '2024-03-14' }).events);
    expect(e?.location?.precision).toBe('admin2');
  });

  it('the town alone stays the town', async () => {
    const geoparser = stubGeoparser([{ text: 'Sabon Birni', country: 'NG', feature: 'PPL' }]);
    const ex = await createExtractor({ geoparser, languageIdentifier: null });
    const text = 'Gunmen abducted 12 farmers in Sabon Birni on Monday.';
    const e = top(ex.extract({ id: 'town', text, published: '2024-03-14' }).events);
    expect(e?.location?.precision).not.toBe('admin2');
  });
});

describe('former military sites', () => {
  it('"former military barracks" housing refugees are a building, not the army', () => {
    const e = top(
      code(
        'On Monday, a man attacked two refugees at the former military barracks in Obrenovac that now house a camp.',
      ),
    );
    expect(e?.actor1?.category).not.toBe('State forces');
    expect(e?.actor2?.category).toBe('Civilians');
  });
});
