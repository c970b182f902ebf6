/**
 * The event's place among a place and its named containers ("Bara in Idleb", "Qaniyah front (Mahliyah, Marib)"):
 * the earlier, contained place is where it happened; a container is only a fallback. A place resolved to another
 * country than its own container ("Pati village (Barwani, Madhya Pradesh)" read as Pati, Indonesia) is a homonym
 * abroad, and the container stands in. Stub geoparser, fictional coordinates.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { type StubPlace, stubGeoparser } from '../helpers/stub-geoparser.js';

async function placeOf(text: string, places: StubPlace[], focusCountry: string | null = 'SY') {
  const ex = await createExtractor({ geoparser: stubGeoparser(places, focusCountry), languageIdentifier: null });
  const events = ex.extract({ id: 'c', text }).events;
  expect(events.length).toBeGreaterThan(0);
  return [...events].sort((a, b) => b.confidence - a.confidence)[0]?.location?.name;
}

describe('event place: a place and its containers', () => {
  it('takes the village over the governorate after "in" ("shelled Kafr Tala in Idlib")', async () => {
    const text = 'On 3 March 2024, regime forces shelled Kafr Tala in Idlib. No casualties were reported.';
    const where = await placeOf(text, [
      { text: 'Kafr Tala', country: 'SY', feature: 'PPL' },
      { text: 'Idlib', country: 'SY', feature: 'PPLA' },
    ]);
    expect(where).toBe('Kafr Tala');
  });

  it('takes the district, not the governorate, of a parenthesised pair after an unknown front', async () => {
    const text =
      'On 3 March 2024, government forces repelled an attack on the Wadi Fajr front (Harib, Marib). Ten were killed.';
    const where = await placeOf(
      text,
      [
        { text: 'Harib', country: 'YE', feature: 'ADM2', precision: 'admin2' },
        { text: 'Marib', country: 'YE', feature: 'PPLA' },
      ],
      'YE',
    );
    expect(where).toBe('Harib');
  });

  it('takes the town over the province in "X in the countryside of Y in Z"', async () => {
    const text = 'On 3 March 2024, rebels looted crops in Tell Nasri in rural Tal Tamr in Al-Hasakah.';
    const where = await placeOf(text, [
      { text: 'Tal Tamr', country: 'SY', feature: 'PPLA3', precision: 'admin2' },
      { text: 'Al-Hasakah', country: 'SY', feature: 'PPLA' },
    ]);
    expect(where).toBe('Tal Tamr');
  });

  it('does not read a larger area before "in" as contained in a smaller place', async () => {
    const text = 'On 3 March 2024, gunmen shot two traders in Afar in the Dubti woreda.';
    const where = await placeOf(
      text,
      [
        { text: 'Afar', country: 'ET', feature: 'ADM1', precision: 'admin1' },
        { text: 'Dubti', country: 'ET', feature: 'ADM2', precision: 'admin2' },
      ],
      'ET',
    );
    expect(where).toBe('Dubti');
  });

  it('replaces a homonym abroad by its container even with a kind word between ("Pati village (Barwani, …)")', async () => {
    const text =
      'On 3 March 2024, ration card holders staged a sit-in at Dhamnod village (Barwani, Madhya Pradesh) over short supplies.';
    const where = await placeOf(
      text,
      [
        { text: 'Dhamnod', country: 'ID', feature: 'PPL' },
        { text: 'Barwani', country: 'IN', feature: 'PPLA2' },
        { text: 'Madhya Pradesh', country: 'IN', feature: 'ADM1', precision: 'admin1' },
      ],
      null,
    );
    expect(where).toBe('Barwani');
  });
});

describe('event place from an earlier sentence', () => {
  it('skips a neighbourhood for the town it belongs to', async () => {
    const text =
      'On 3 March 2024, in Sorocaba, Sao Paulo, police officers went to the Vila Nova neighborhood to check a tip. ' +
      'A shoot-out followed, leaving one suspect injured.';
    const where = await placeOf(
      text,
      [
        { text: 'Sorocaba', country: 'BR', feature: 'PPLA2' },
        { text: 'Sao Paulo', country: 'BR', feature: 'ADM1', precision: 'admin1' },
        { text: 'Vila Nova', country: 'BR', feature: 'PPL' },
      ],
      'BR',
    );
    expect(where).toBe('Sorocaba');
  });

  it('takes the town, not its container, as the nearest earlier place ("in Sorocaba, Sao Paulo, …")', async () => {
    const text =
      'On 3 March 2024, in Sorocaba, Sao Paulo, police officers went to check a tip. ' +
      'A shoot-out followed, leaving one suspect injured.';
    const where = await placeOf(
      text,
      [
        { text: 'Sorocaba', country: 'BR', feature: 'PPLA2' },
        { text: 'Sao Paulo', country: 'BR', feature: 'ADM1', precision: 'admin1' },
      ],
      'BR',
    );
    expect(where).toBe('Sorocaba');
  });
});

describe('event place: a place inside the name of a road, building or organisation', () => {
  it('takes the city over the town a road is named after ("on Kohat road in Peshawar city")', async () => {
    const text =
      'On 3 March 2024, journalists held a protest outside a TV office on Kohat road in Peshawar city against arrests.';
    const where = await placeOf(
      text,
      [
        { text: 'Kohat', country: 'PK', feature: 'PPLA2' },
        { text: 'Peshawar', country: 'PK', feature: 'PPLA' },
      ],
      'PK',
    );
    expect(where).toBe('Peshawar');
  });

  it('takes the town of the protest over the town in a company name', async () => {
    const text =
      'On 3 March 2024, workers of the Tabas Coal Mine Company staged a sit-in at Ravar over months of unpaid pay.';
    const where = await placeOf(
      text,
      [
        { text: 'Tabas', country: 'IR', feature: 'PPLA2' },
        { text: 'Ravar', country: 'IR', feature: 'PPLA2' },
      ],
      'IR',
    );
    expect(where).toBe('Ravar');
  });

  it('keeps such a place when the clause names no other', async () => {
    const text = 'On 3 March 2024, hundreds of workers blocked the Kohat road demanding unpaid wages.';
    const where = await placeOf(text, [{ text: 'Kohat', country: 'PK', feature: 'PPLA2' }], 'PK');
    expect(where).toBe('Kohat');
  });
});

describe('event place: where it happened before where people come from', () => {
  it('takes "in Y" over "residents of X"', async () => {
    const text =
      'On 3 March 2024, residents of Gomti Nagar staged a protest in Kanpur city against a new quarantine centre.';
    const where = await placeOf(
      text,
      [
        { text: 'Gomti Nagar', country: 'IN', feature: 'PPL' },
        { text: 'Kanpur', country: 'IN', feature: 'PPLA2' },
      ],
      'IN',
    );
    expect(where).toBe('Kanpur');
  });

  it('keeps "the cities of X and Y" a location: the first named', async () => {
    const text =
      'On 3 March 2024, between the cities of Patos and Pombal, armed men exchanged fire with police officers.';
    const where = await placeOf(
      text,
      [
        { text: 'Patos', country: 'BR', feature: 'PPLA2' },
        { text: 'Pombal', country: 'BR', feature: 'PPLA2' },
      ],
      'BR',
    );
    expect(where).toBe('Patos');
  });
});

describe("event place: ACLED's own location remark", () => {
  it('takes the place a note says it is coded to', async () => {
    const text =
      'On 3 March 2024, about 100 people attacked police officers in Exarcheia [coded to Athens-Central Athens] with stones.';
    const where = await placeOf(
      text,
      [
        { text: 'Exarcheia', country: 'GR', feature: 'PPLX' },
        { text: 'Athens', country: 'GR', feature: 'PPLC' },
      ],
      'GR',
    );
    expect(where).toBe('Athens');
  });
});
