/**
 * The geoparser's public API: `loadGeoparser()` opens (building once if needed) the gazetteer index and returns a
 * parser whose `parse(text, hints)` finds and resolves every place mention.
 */
import { openGazetteer } from './gazetteer.js';
import { loadLexicon } from './lexicon.js';
import { type Candidate, type GeoHints, GeoparserImpl, type GeoResult } from './parser.js';

export { foldName } from './fold.js';
export { buildGazetteer, openGazetteer } from './gazetteer.js';
export type { Candidate, GeoHints, GeoResult } from './parser.js';

export interface Geoparser {
  parse(text: string, hints?: GeoHints): GeoResult;
  lookup(name: string, limit?: number): Candidate[];
}

/** Opens the gazetteer in `dir` (default $SITREP_GAZETTEER_DIR, else <package root>/.cache/gazetteer). */
export async function loadGeoparser(opts: { dir?: string } = {}): Promise<Geoparser> {
  const index = openGazetteer(opts.dir);
  const parser = new GeoparserImpl(index, loadLexicon(index.meta));
  return {
    parse: (text, hints) => parser.parse(text, hints),
    lookup: (name, limit) => parser.lookup(name, limit),
  };
}
