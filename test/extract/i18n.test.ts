// Reports in other languages than English are read with their own trigger lexicon (data/lexicons/i18n): the event
// type and sub-type come from the same features and rules. Sentences written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../../src/extract/index.js';

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor({ geoparser: null, languageIdentifier: null });
});

const subTypes = (language: string, text: string) =>
  extractor.extract({ id: 't', text, language, published: '2024-05-15' }).events.map((e) => e.sub_event_type);

describe('non-English trigger lexicons', () => {
  it.each([
    ['ar', 'قتل ثلاثة مدنيين في غارة جوية على بلدة سرمين صباح اليوم.', 'Air/drone strike'],
    ['ar', 'اندلعت اشتباكات عنيفة بين الطرفين قرب الحدود.', 'Armed clash'],
    ['fr', 'Des affrontements ont opposé l’armée à des rebelles près de Bunia mercredi.', 'Armed clash'],
    ['fr', 'La police a dispersé les manifestants avec des gaz lacrymogènes à Dakar.', 'Protest with intervention'],
    [
      'es',
      'Hombres armados secuestraron a cinco comerciantes en la carretera el miércoles.',
      'Abduction/forced disappearance',
    ],
    ['ru', 'В результате обстрела города погибли два человека.', 'Shelling/artillery/missile attack'],
    ['uk', 'Унаслідок атаки безпілотників на місто загинула жінка.', 'Air/drone strike'],
    ['tr', 'Bölgede düzenlenen hava harekâtıyla 4 terörist etkisiz hale getirildi.', 'Air/drone strike'],
  ])('%s: %s', (language, text, expected) => {
    expect(subTypes(language, text)).toContain(expected);
  });

  it('a report in English is not read with another language’s words', () => {
    expect(subTypes('en', 'Le marché était calme; the weather was fine on Wednesday.')).toEqual([]);
  });

  it('ordinary news in French yields no event', () => {
    expect(subTypes('fr', 'Le gouvernement a présenté mercredi son budget pour l’année prochaine.')).toEqual([]);
  });
});

describe('conflict agreements in other languages', () => {
  it.each([
    ['tr', '18 Suriye askeri Rus askeri polisine teslim edildi.'],
    ['fr', 'Un échange de prisonniers a eu lieu mardi entre les deux camps.'],
    ['ru', 'Стороны провели обмен пленными во вторник.'],
  ])('%s: a hand-over or an exchange of prisoners is an agreement', (language, text) => {
    expect(subTypes(language, text)).toContain('Agreement');
  });
});
