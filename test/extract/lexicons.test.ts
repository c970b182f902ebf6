// Integrity of the extractor's data files: every rule the data must follow, checked on the files themselves.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActorRows, parseGenericRows } from '../../src/extract/actors.js';
import { loadResources } from '../../src/extract/index.js';
import { defaultDataDir, parseLexicon, readLexiconFile } from '../../src/extract/lexicon-file.js';
import { parseTriggerRows } from '../../src/extract/triggers.js';
import { ACLED_TYPES } from '../../src/model/extraction.js';

const dataDir = defaultDataDir();
const files = [
  ...readdirSync(path.join(dataDir, 'lexicons')).map((f) => path.join(dataDir, 'lexicons', f)),
  ...readdirSync(path.join(dataDir, 'actors')).map((f) => path.join(dataDir, 'actors', f)),
].filter((f) => f.endsWith('.txt'));

describe('extractor data files', () => {
  it('all load and compile (the factory throws on any bad row)', () => {
    const res = loadResources(dataDir);
    expect(res.triggers.entries.length).toBeGreaterThan(30);
    expect(res.actors.entries.length).toBeGreaterThan(100);
  });

  it.each(files)('%s has a header naming its source, licence and known gaps', (file) => {
    const head = readFileSync(file, 'utf8').split('\n').slice(0, 25).join('\n');
    expect(head).toMatch(/^# source:/m);
    expect(head).toMatch(/^# licence:/m);
    expect(head).toMatch(/^# known gaps:/m);
  });

  it.each(files)('%s has no unbounded negated-class run inside a look-around (quadratic without full stops)', (file) => {
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    const unbounded = rows.filter((line) => /\(\?<?[=!][^)]*\[\^[^\]]*\][*+]/.test(line));
    expect(unbounded).toEqual([]);
  });

  it('every trigger sub-event type belongs to its event type', () => {
    const entries = parseTriggerRows(readLexiconFile(path.join(dataDir, 'lexicons/triggers.txt'), 4));
    for (const e of entries) {
      expect((ACLED_TYPES[e.eventType] as readonly string[]).includes(e.subEventType), `${e.file}:${e.line}`).toBe(
        true,
      );
    }
    // A sub-type under the wrong type is rejected, naming the line.
    const bad = parseLexicon('x | Battles / Air/drone strike | 0.5 | foo\n', 'bad.txt', 4);
    expect(() => parseTriggerRows(bad)).toThrow(/bad.txt:1/);
  });

  it('covers all 6 event types and every sub-event type but Other is reachable by a trigger', () => {
    const entries = parseTriggerRows(readLexiconFile(path.join(dataDir, 'lexicons/triggers.txt'), 4));
    const subs = new Set(entries.map((e) => e.subEventType));
    for (const list of Object.values(ACLED_TYPES)) for (const sub of list) expect(subs.has(sub), sub).toBe(true);
  });

  it('no alias points to two actors unless their date ranges are disjoint', () => {
    const named = parseActorRows(readLexiconFile(path.join(dataDir, 'actors/actors.txt'), 6));
    const byAlias = new Map<string, typeof named>();
    for (const e of named) for (const a of e.aliases) byAlias.set(a, [...(byAlias.get(a) ?? []), e]);
    for (const [alias, entries] of byAlias) {
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const a = entries[i];
          const b = entries[j];
          if (!a || !b) continue;
          const disjoint =
            (a.to !== null && b.from !== null && a.to < b.from) || (b.to !== null && a.from !== null && b.to < a.from);
          expect(disjoint, `alias '${alias}' → ${a.name} and ${b.name}`).toBe(true);
        }
      }
    }
  });

  it('actor categories are ACLED categories and date bounds are ordered ISO dates', () => {
    const named = parseActorRows(readLexiconFile(path.join(dataDir, 'actors/actors.txt'), 6));
    const generic = parseGenericRows(readLexiconFile(path.join(dataDir, 'actors/generic.txt'), 4));
    for (const e of [...named, ...generic]) {
      for (const d of [e.from, e.to]) if (d) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (e.from && e.to) expect(e.from < e.to, `${e.name}`).toBe(true);
      for (const alias of e.aliases) expect(() => new RegExp(alias, 'i')).not.toThrow();
    }
    expect(() => parseActorRows(parseLexicon('X | Bandits | - | - | - | x\n', 'bad.txt', 6))).toThrow(
      /bad.txt:1: unknown actor category/,
    );
  });
});
