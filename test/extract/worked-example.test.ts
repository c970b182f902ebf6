// The worked example of PRODUCT.md, told in our own words (test/fixtures/extract/worked-example.txt), coded end to
// end with the real gazetteer and compared with a reviewed golden file. `REGEN=1 npx vitest run test/extract`
// rewrites the golden file; review the diff before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import type { Extraction } from '../../src/model/extraction.js';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'extract');
const goldenFile = path.join(dir, 'worked-example.golden.json');
let result: Extraction;

beforeAll(async () => {
  const raw = readFileSync(path.join(dir, 'worked-example.txt'), 'utf8');
  const m = /^date (\d{4}-\d{2}-\d{2})\n/.exec(raw);
  const extractor = await createExtractor();
  result = extractor.extract({
    id: 'worked-example',
    text: m ? raw.slice(m[0].length) : raw,
    published: m?.[1] ?? null,
  });
}, 120_000);

/** The reviewed fields of each event (coordinates rounded: the gazetteer may be rebuilt). */
function projection(ex: Extraction) {
  return ex.events.map((e) => ({
    type: `${e.event_type} / ${e.sub_event_type}`,
    actor1: e.actor1 && `${e.actor1.name} [${e.actor1.category}]`,
    actor2: e.actor2 && `${e.actor2.name} [${e.actor2.category}]`,
    date: e.date,
    location: e.location && { name: e.location.name, country: e.location.country, precision: e.location.precision },
    fatalities: e.fatalities,
    captured: e.captured,
    certainty: e.certainty,
    attribution: e.attribution,
    evidence: e.evidence.map((x) => x.text),
  }));
}

describe('worked example (PRODUCT.md)', () => {
  it('codes the capture as a battle on the day before publication, 16+ captured, SNA vs the Syrian army', () => {
    const battle = result.events.find((e) => e.sub_event_type === 'Armed clash');
    expect(battle?.actor1).toMatchObject({ name: 'Syrian National Army', category: 'Rebel group' });
    expect(battle?.actor2).toMatchObject({ name: 'Military Forces of Syria', category: 'State forces' });
    expect(battle?.date).toEqual({ start: '2019-10-29', end: '2019-10-29', precision: 'day' });
    expect(battle?.captured).toEqual({ low: 16, high: null });
    expect(battle?.location?.country).toBe('SY');
    expect(battle?.certainty).toBe('reported');
  });

  it('codes the beating of the captives as violence against civilians, reported from the videos', () => {
    const attack = result.events.find((e) => e.sub_event_type === 'Attack' && e.certainty === 'reported');
    expect(attack?.event_type).toBe('Violence against civilians');
    expect(attack?.evidence[0]?.text).toMatch(/kicked and beaten/);
  });

  it('keeps the execution reports as an unconfirmed claim attributed to the activists', () => {
    const claim = result.events.find((e) => e.certainty === 'unconfirmed');
    expect(claim?.evidence[0]?.text).toMatch(/executed/);
    expect(claim?.attribution).toMatch(/activists/i);
  });

  it('reads the embedded posts as claims of their authors, never the outlet', () => {
    const fromPost = result.events.filter((e) => e.embeddedPost !== null && e.embeddedPost !== undefined);
    expect(fromPost.length).toBeGreaterThan(0);
    for (const e of fromPost) {
      expect(e.certainty).toBe('claimed');
      expect(['Frontline Watch', 'Mehmet Yilmaz']).toContain(e.attribution);
    }
  });

  it('does not code the background sentence (since 2015) as a new event', () => {
    expect(result.events.some((e) => e.evidence.some((x) => /since 2015/.test(x.text)))).toBe(false);
  });

  it('matches the reviewed golden file', () => {
    const got = projection(result);
    if (process.env.REGEN === '1' || !existsSync(goldenFile))
      writeFileSync(goldenFile, `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
  });
});
