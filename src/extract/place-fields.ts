/** The gazetteer fields of a place, copied off a richer object (a mention, a lookup candidate). */
import type { EventLocation, ExtractedEvent, GazetteerPlace, Precision } from '../model/extraction.js';

export function placeFields(p: GazetteerPlace): GazetteerPlace {
  return copyFields({}, p);
}

/**
 * An event location: the place's gazetteer fields and a precision, in the order of `{ ...placeFields(p), precision }`.
 * Written field by field because spreading objects of many shapes (mentions, candidates) takes V8's slow path: that
 * spread alone was 0.5% of `sitrep extract`'s CPU.
 */
export function locationOf(p: GazetteerPlace, precision: Precision): EventLocation {
  const location = copyFields({}, p) as EventLocation;
  location.precision = precision;
  return location;
}

/** Marks the location reason of an event told place by place in its sentence ("in A, where …, and in B, where …"). */
export const PLACE_PAIR_REASON = ';place-pair';

/** An event told place by place: its place is its own, and neither dedupe nor consolidation merges it away. */
export function isPlacePairPart(e: ExtractedEvent): boolean {
  return e.reasons?.some((r) => r.field === 'location' && r.reason.endsWith(PLACE_PAIR_REASON)) === true;
}

/** Writes the seven gazetteer fields of `p` onto `target`, in their declared order. */
function copyFields(target: Partial<GazetteerPlace>, p: GazetteerPlace): GazetteerPlace {
  target.name = p.name;
  target.lat = p.lat;
  target.lon = p.lon;
  target.country = p.country;
  target.admin1 = p.admin1;
  target.admin2 = p.admin2;
  target.geonameid = p.geonameid;
  return target as GazetteerPlace;
}
