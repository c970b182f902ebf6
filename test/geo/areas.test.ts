/**
 * First-level areas named without their area word, and lists that look like containers (sentences written for
 * these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const parsed = (text: string) => geo.parse(text).places.map((p) => `${p.text}:${p.name}:${p.feature}`);

describe('areas named without "State"', () => {
  it('finds Benue and Zamfara in a list without a preposition before them', () => {
    const p = parsed('Herders clashed with farmers across Plateau and Benue, and bandits raided Zamfara and Kebbi.');
    expect(p).toContain('Benue:Benue State:ADM1');
    expect(p).toContain('Zamfara:Zamfara State:ADM1');
  });
});

describe('lists are not containers', () => {
  it('"Katsina, Zamfara and Niger State" keeps Katsina the city', () => {
    const p = parsed('Gunmen struck villages in Katsina, Zamfara and Niger State last week.');
    expect(p[0]).toBe('Katsina:Katsina:PPLA');
  });

  it('a real container still places a name it lacks in the area (fallback)', () => {
    // No Paris lies in Zamfara: the stated state, not France.
    const r = geo.parse('Gunmen struck Paris, Zamfara, on Tuesday.');
    expect(r.places[0]?.name).toBe('Zamfara State');
    expect(r.decisions[0]?.reason).toContain('container-fallback');
  });
});
