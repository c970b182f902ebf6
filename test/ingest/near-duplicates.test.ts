/**
 * Measures the syndication rule (MinHash candidate gate, then sentence containment)  on hand-written families (test/fixtures/ingest/families):
 *   a1–a3  one wire story: original, re-run with a new headline and the last sentence cut, re-run with edits
 *   b1     another outlet's own story about the same incident (must NOT join: independent source)
 *   c1–c2  two days of one monitor's bulletin: same boilerplate, different events (must NOT join)
 *   d1     unrelated
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_JACCARD,
  estimateJaccard,
  fnv1a,
  isSyndicated,
  LSH_BANDS,
  lshKeys,
  MINHASH_SIZE,
  minhashSignature,
  SYNDICATION_SHARE,
  signatureFromHex,
  signatureToHex,
  syndicationShare,
  wordHashesOf,
  words,
} from '../../src/ingest/near-duplicates.js';
import { normalizeText } from '../../src/ingest/normalize.js';
import { fixture } from './helpers.js';

const dir = fixture('families');
const docs = readdirSync(dir)
  .sort()
  .map((f) => ({
    name: f.slice(0, 2),
    text: normalizeText(readFileSync(`${dir}/${f}`, 'utf8').replace(/^date .*\n/, '')),
  }));
const sameFamily = (a: string, b: string) => a[0] === b[0] && a[0] === 'a';

/** Exact Jaccard of word 3-shingles, to check the MinHash estimate against. */
function exactJaccard(a: string, b: string): number {
  const sh = (t: string) => {
    const w = words(t);
    return new Set(w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' ')));
  };
  const A = sh(a);
  const B = sh(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

describe('MinHash syndication families', () => {
  const sigs = new Map(docs.map((d) => [d.name, minhashSignature(d.text)]));
  const pairs: {
    a: string;
    b: string;
    estimate: number;
    exact: number;
    share: number;
    same: boolean;
    linked: boolean;
  }[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!;
      const b = docs[j]!;
      pairs.push({
        a: a.name,
        b: b.name,
        estimate: estimateJaccard(sigs.get(a.name)!, sigs.get(b.name)!),
        exact: exactJaccard(a.text, b.text),
        share: syndicationShare(a.text, b.text),
        same: sameFamily(a.name, b.name),
        linked: isSyndicated(estimateJaccard(sigs.get(a.name)!, sigs.get(b.name)!), a.text, b.text),
      });
    }
  }

  it('links every syndicated copy into one family and makes no false merge', () => {
    // Families are the connected components of linked pairs, as the pipeline builds them.
    const family = new Map(docs.map((d) => [d.name, d.name]));
    const root = (n: string): string => (family.get(n) === n ? n : root(family.get(n)!));
    for (const p of pairs) if (p.linked) family.set(root(p.b), root(p.a));
    const falseMerges = pairs.filter((p) => !p.same && root(p.a) === root(p.b));
    const missed = pairs.filter((p) => p.same && root(p.a) !== root(p.b));
    expect(falseMerges).toEqual([]);
    expect(missed).toEqual([]);
    // Each copy links to the original directly.
    expect(pairs.filter((p) => p.linked).map((p) => `${p.a}-${p.b}`)).toEqual(['a1-a2', 'a1-a3']);
  });

  it('keeps a margin: copies well above, shared boilerplate and independent stories well below', () => {
    for (const p of pairs.filter((q) => q.a === 'a1' && q.same))
      expect(p.share).toBeGreaterThan(SYNDICATION_SHARE + 0.05);
    for (const p of pairs.filter((q) => !q.same)) expect(p.share).toBeLessThan(SYNDICATION_SHARE - 0.1);
    // The two bulletins share header and footer: Jaccard alone would nearly merge them; sentences do not.
    const bulletins = pairs.find((p) => p.a === 'c1' && p.b === 'c2')!;
    expect(bulletins.exact).toBeGreaterThan(CANDIDATE_JACCARD);
    expect(bulletins.exact).toBeGreaterThan(0.35);
    expect(bulletins.share).toBeLessThan(0.7);
  });

  it('estimates Jaccard within three standard errors (±0.2) of the exact value', () => {
    for (const p of pairs) expect(Math.abs(p.estimate - p.exact)).toBeLessThan(0.2);
  });

  it('puts copies in a shared LSH bucket', () => {
    const keys = (n: string) => new Set(lshKeys(sigs.get(n)!));
    const shared = (x: string, y: string) => [...keys(x)].filter((k) => keys(y).has(k)).length;
    expect(shared('a1', 'a2')).toBeGreaterThan(0);
    expect(shared('a1', 'a3')).toBeGreaterThan(0);
    expect(shared('a1', 'd1')).toBe(0);
    expect(lshKeys(sigs.get('a1')!)).toHaveLength(LSH_BANDS);
  });

  it('does not take templated one-line notes that differ in a figure or a place for copies', () => {
    const a = 'On 3 June 2024, Russian forces shelled Kharkiv city, killing 3 civilians and injuring 14.';
    const b = 'On 3 June 2024, Russian forces shelled Kupiansk city, killing 2 civilians and injuring 11.';
    const c = 'Report number 12 about a clash near village 5 on day 5.';
    const d = 'Report number 13 about a clash near village 5 on day 5.';
    expect(syndicationShare(a, b)).toBe(0);
    expect(syndicationShare(c, d)).toBe(0);
    expect(syndicationShare(a, a)).toBe(1);
  });

  it('hashes words in one pass exactly as words() + fnv1a do, in any script', () => {
    const texts = [
      'Shelling near KHARKIV, 12 killed; the U.N. said.',
      "Diyarbakır'da İŞİD saldırısı: 3 ölü — Şırnak",
      'قصف على حَلَب وإدلب ١٢ قتيلا',
      'Emoji 🚀 between words, 𝐁𝐨𝐥𝐝 math letters and ﬁ ligatures',
      '',
      '...',
      'end-with-word',
    ];
    for (const t of texts) expect([...wordHashesOf(t)]).toEqual(words(t).map(fnv1a));
  });

  it('round-trips signatures through hex and handles texts shorter than a shingle', () => {
    const sig = sigs.get('a1')!;
    expect(signatureFromHex(signatureToHex(sig))).toEqual(sig);
    expect(signatureToHex(sig)).toHaveLength(MINHASH_SIZE * 8);
    expect(signatureFromHex('zz')).toBeNull();
    const short = minhashSignature('Two words');
    expect(estimateJaccard(short, minhashSignature('two words!'))).toBe(1);
  });
});

describe('syndicationShare by word ids', () => {
  // The rule as first written, on joined-word strings: the id-based version must give the same share everywhere.
  const reference = (a: string, b: string) => {
    const set = (ws: string[]) => {
      const out = new Set<string>();
      for (let i = 0; i + 3 <= ws.length; i++) out.add(ws.slice(i, i + 3).join(' '));
      return out;
    };
    const found = (x: string, shingles: Set<string>) => {
      let hit = 0;
      let total = 0;
      for (const sentence of x.split(/(?<=[.!?…])\s+|\n+/u)) {
        const ws = words(sentence);
        if (ws.length < 3) continue;
        let hits = 0;
        const n = ws.length - 2;
        for (let i = 0; i < n; i++) if (shingles.has(ws.slice(i, i + 3).join(' '))) hits++;
        total += ws.length;
        if (hits / n >= 0.75) hit += ws.length;
      }
      return total === 0 ? 0 : hit / total;
    };
    return Math.max(found(a, set(words(b))), found(b, set(words(a))));
  };

  it('gives the share the joined-word shingles gave, on the fixtures and on shuffled mixes of them', () => {
    const texts = [
      ...docs.map((d) => d.text),
      'ΟΔΟΣ ΣΑΣ. Η ΟΔΟΣ ΣΑΣ ΕΙΝΑΙ ΕΔΩ!\n\nİSTANBUL İçin… dört kişi öldü. Diyarbakır’da iki kişi yaralandı',
      'x y z. a\n\n\nb c d e f… g h i j',
    ];
    let seed = 3;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let n = 0; n < 40; n++) {
      const a = texts[next() % texts.length]!;
      const b = texts[next() % texts.length]!;
      // Half of the pairs: b with a run of a's sentences pasted in, so partial containment is exercised.
      const sentences = a.split(/(?<=[.!?])\s+/);
      const start = next() % sentences.length;
      const mixed = n % 2 ? `${b}\n\n${sentences.slice(start, start + 3).join(' ')}` : b;
      expect(syndicationShare(a, mixed)).toBe(reference(a, mixed));
    }
    for (const a of texts) for (const b of texts) expect(syndicationShare(a, b)).toBe(reference(a, b));
  });
});
