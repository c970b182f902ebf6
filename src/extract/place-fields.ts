/** The gazetteer fields of a place, copied off a richer object (a mention, a lookup candidate). */
import type { GazetteerPlace } from '../model/extraction.js';

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
