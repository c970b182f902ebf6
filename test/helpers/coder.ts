/** Shared set-up for coder tests: an extractor created once per file, and the highest-confidence event. */
import { beforeAll } from 'vitest';
import { createExtractor, type ExtractorOptions } from '../../src/extract/index.js';
import type { ExtractedEvent } from '../../src/model/extraction.js';

/** Registers a beforeAll that builds the extractor; `code(text)` returns its events for that text. */
export function useCoder(options: ExtractorOptions = { geoparser: null, languageIdentifier: null }) {
  let extractor: Awaited<ReturnType<typeof createExtractor>> | null = null;
  beforeAll(async () => {
    extractor = await createExtractor(options);
  }, 60_000);
  return (text: string, published: string | null = '2024-03-14'): ExtractedEvent[] => {
    if (!extractor) throw new Error('the extractor is not ready (use code() inside a test)');
    return extractor.extract({ id: 't', text, published }).events;
  };
}

export const top = (events: ExtractedEvent[]) => [...events].sort((a, b) => b.confidence - a.confidence)[0];
