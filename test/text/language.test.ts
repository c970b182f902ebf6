import { beforeAll, describe, expect, it } from 'vitest';
import { createLanguageIdentifier, type LanguageIdentifier } from '../../src/text/language.js';

let lid: LanguageIdentifier;
beforeAll(async () => {
  lid = await createLanguageIdentifier();
});

describe('language identification (fastText lid.176)', () => {
  it.each([
    ['en', 'Government forces shelled the eastern districts of the town overnight, a local monitor said.'],
    ['tr', 'Suriye Milli Ordusu, Tel Temir kırsalında düzenlenen operasyonda on sekiz askeri esir aldı.'],
    ['ar', 'قالت مصادر محلية إن قوات الحكومة قصفت الأحياء الشرقية من المدينة الليلة الماضية.'],
    ['fr', 'Les forces armées ont repris le contrôle de la ville après deux jours de combats.'],
    ['uk', 'Російські війська обстріляли околиці Харкова вночі, повідомила обласна адміністрація.'],
  ])('identifies %s', (code, text) => {
    const guess = lid.identify(text);
    expect(guess.language).toBe(code);
    expect(guess.confidence).toBeGreaterThan(0.5);
  });

  it('says und for text with no letters', () => {
    expect(lid.identify('12:45 — 2019-10-29 https://t.me/x/1')).toEqual({ language: 'und', confidence: 0 });
  });

  it('ignores line breaks, links and handles', () => {
    const guess = lid.identify('Heavy fighting continued\nnear the airport https://example.org/a @someone\non Sunday.');
    expect(guess.language).toBe('en');
  });
});
