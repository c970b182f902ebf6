/** The gazetteer fields of a place, copied off a richer object (a mention, a lookup candidate). */
import type { EventLocation, GazetteerPlace, Precision } from '../model/extraction.js';

export function placeFields(p: GazetteerPlace): GazetteerPlace {
  return {
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    admin1: p.admin1,
    admin2: p.admin2,
    geonameid: p.geonameid,
  };
}

/**
 * An event location: the place's gazetteer fields and a precision, in the order of `{ ...placeFields(p), precision }`.
 * Written out because spreading objects of many shapes (mentions, candidates) takes V8's slow path: that spread
 * alone was 0.5% of `sitrep extract`'s CPU.
 */
export function locationOf(p: GazetteerPlace, precision: Precision): EventLocation {
  return {
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    admin1: p.admin1,
    admin2: p.admin2,
    geonameid: p.geonameid,
    precision,
  };
}
