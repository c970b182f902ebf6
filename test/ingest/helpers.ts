/** Shared helpers for ingest tests: fixture paths, a fake language identifier, a fake event coder, temp dirs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedEvent, Extraction } from '../../src/model/extraction.js';
import type { Report } from '../../src/model/report.js';
import type { LanguageIdentifier } from '../../src/text/language.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
export const fixture = (p: string) => join(FIXTURES, p);

/** Script-based guesses, enough to test that languages are asked for and recorded. */
export const fakeIdentifier: LanguageIdentifier = {
  identify(text: string) {
    if (/[\u0600-\u06FF]/.test(text)) return { language: 'ar', confidence: 0.9 };
    if (/[\u0400-\u04FF]/.test(text)) return { language: 'ru', confidence: 0.9 };
    if (/[ğışİ]/.test(text)) return { language: 'tr', confidence: 0.8 };
    return /\p{L}/u.test(text) ? { language: 'en', confidence: 0.7 } : { language: 'und', confidence: 0 };
  },
};

/** A tiny event coder: one Battles event per report that mentions "clash", with evidence span. */
export function fakeExtract(report: Report): Extraction {
  const at = report.text.toLowerCase().indexOf('clash');
  const events: ExtractedEvent[] = [];
  if (at >= 0) {
    events.push({
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: { name: 'Test Army', category: 'State forces', text: 'army' },
      actor2: null,
      date: report.published ? { start: report.published, end: report.published, precision: 'day' } : null,
      location: {
        name: 'Testville',
        lat: 1,
        lon: 2,
        country: 'SY',
        admin1: 'Aleppo',
        admin2: null,
        geonameid: null,
        precision: 'near',
      },
      fatalities: null,
      injured: null,
      captured: null,
      certainty: 'reported',
      attribution: null,
      evidence: [{ start: at, end: at + 5, text: report.text.slice(at, at + 5) }],
      confidence: 0.5,
      reasons: [{ field: 'event_type', reason: 'fake-trigger', span: { start: at, end: at + 5 } }],
    });
  }
  return { id: report.id, language: report.language, published: report.published ?? null, places: [], events };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
