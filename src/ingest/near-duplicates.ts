/**
 * Near-duplicate detection for syndication families: MinHash over word 3-shingles with LSH banding.
 *
 * A wire story re-run by another site with small edits (a sentence cut, a figure updated, a byline added) keeps most
 * of its 3-word shingles: Jaccard ≥ 0.5 in our fixtures, usually > 0.7. Two outlets writing their own stories about
 * the same incident share names and numbers but few 3-word runs: Jaccard < 0.15 in our fixtures. The threshold sits
 * between, at 0.5 (see test/ingest/near-duplicates.test.ts for the measured pairs).
 *
 * 60 hash functions in 20 bands of 3 rows: a pair with Jaccard J becomes a candidate with probability
 * 1 − (1 − J³)²⁰ — 0.93 at J = 0.5, 0.99 at J = 0.6, 0.006 at J = 0.1 — and every candidate is then checked against
 * the threshold with the full 60-value estimate (standard error ≈ √(J(1−J)/60) ≈ 0.065 at J = 0.5).
 */

export const SHINGLE_WORDS = 3;
export const MINHASH_SIZE = 60;
export const LSH_BANDS = 20;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Estimated Jaccard similarity at or above which two reports are one syndication family. */
export const FAMILY_THRESHOLD = 0.5;

// Fixed seeds: signatures must be identical across runs and machines (they are stored).
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    seeds[i] = x;
  }
  return seeds;
})();

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased words (letters and digits of any script); punctuation and case do not make copies differ. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** MinHash signature of a text's word shingles (all-0xFFFFFFFF for a text without words). */
export function minhashSignature(text: string): Uint32Array {
  const ws = words(text);
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const n = ws.length < SHINGLE_WORDS ? Math.min(ws.length, 1) : ws.length - SHINGLE_WORDS + 1;
  const size = Math.min(SHINGLE_WORDS, ws.length);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    let shingle = ws[i]!;
    for (let k = 1; k < size; k++) shingle += ` ${ws[i + k]}`;
    const base = fnv1a(shingle);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let j = 0; j < MINHASH_SIZE; j++) {
      const v = fmix32((base ^ SEEDS[j]!) >>> 0);
      if (v < sig[j]!) sig[j] = v;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** One key per band ("band:hash"): reports sharing any key are candidates for the same family. */
export function lshKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32((h ^ sig[b * LSH_ROWS + r]!) >>> 0);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

/** Signature as stored in `Report.fingerprint`: 60 × 8 hex digits. */
export function signatureToHex(sig: Uint32Array): string {
  let out = '';
  for (const v of sig) out += v.toString(16).padStart(8, '0');
  return out;
}

export function signatureFromHex(hex: string): Uint32Array | null {
  if (hex.length !== MINHASH_SIZE * 8 || !/^[0-9a-f]+$/.test(hex)) return null;
  const sig = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) sig[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}
