/**
 * ACLED-style CSV helpers shared by `sitrep extract --format acled-csv` (one row per event) and the incidents
 * export (one row per incident), so both quote cells and code actor categories the same way.
 */
import type { ActorCategory } from '../model/extraction.js';

/** ACLED `inter` codes of actor categories (ACLED codebook; 0 = no actor, left to callers). */
export const ACLED_INTER_CODE: Record<ActorCategory, number> = {
  'State forces': 1,
  'Rebel group': 2,
  'Political militia': 3,
  'Identity militia': 4,
  Rioters: 5,
  Protesters: 6,
  Civilians: 7,
  'External/Other forces': 8,
};

/** One RFC 4180 cell: null/undefined → empty; quoted only when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
