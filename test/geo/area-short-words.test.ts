/**
 * An ordinary English word that is a first-level area's name only without its area word ("Free" of Free State,
 * "Plateau" of Plateau State) needs the area word, a cue or a container position (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const texts = (text: string) => geo.parse(text).places.map((p) => p.text);

describe("an area's short name that is an English word", () => {
  it('is a word in running text', () => {
    expect(texts('Free tickets were handed out at the Parent Free Zone in Leeds.')).toEqual(['Leeds']);
  });

  it('is the area with its area word, after a comma or in parentheses', () => {
    expect(texts('Farmers in Free State lost cattle.')).toEqual(['Free State']);
    expect(texts('Gunmen struck Jos, Plateau, on Monday.')).toEqual(['Jos', 'Plateau']);
    expect(texts('Gunmen attacked a village (Bokkos, Plateau) at night.')).toEqual(['Bokkos', 'Plateau']);
  });
});
