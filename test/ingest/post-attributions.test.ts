/**
 * Attribution phrases of data/ingest/post-attributions.txt in each language, on sentences written for these tests,
 * and rules the data file must follow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/extract/lexicon-file.js';
import {
  compileAttributionPatterns,
  findEmbeddedPosts,
  loadAttributionPatterns,
} from '../../src/ingest/embedded-posts.js';

interface Case {
  sentence: string;
  platform: 'telegram' | 'twitter';
  author: string | null;
  text: string;
}

const CASES: Record<string, Case[]> = {
  en: [
    {
      sentence: 'In a post on X, Marta Quill said the convoy had turned back near the border.',
      platform: 'twitter',
      author: 'Marta Quill',
      text: 'the convoy had turned back near the border.',
    },
    {
      sentence: 'The governor wrote on X that three drones were shot down overnight.',
      platform: 'twitter',
      author: null,
      text: 'three drones were shot down overnight.',
    },
    {
      sentence: 'Tom Reyes said in a post on Telegram that the ferry had stopped running.',
      platform: 'telegram',
      author: 'Tom Reyes',
      text: 'the ferry had stopped running.',
    },
  ],
  ru: [
    {
      sentence: 'По данным Telegram-канала «Северный вестник», ночью был повреждён мост через реку.',
      platform: 'telegram',
      author: 'Северный вестник',
      text: 'ночью был повреждён мост через реку.',
    },
    {
      sentence: 'Как сообщает телеграм-канал Полевая сводка, колонна вышла из города утром.',
      platform: 'telegram',
      author: 'Полевая сводка',
      text: 'колонна вышла из города утром.',
    },
    {
      sentence: 'Глава района Иван Петров написал в своём Telegram-канале, что электричество восстановлено.',
      platform: 'telegram',
      author: 'Иван Петров',
      text: 'электричество восстановлено.',
    },
  ],
  uk: [
    {
      sentence: 'За даними Telegram-каналу «Південний фронт», обстріл тривав дві години.',
      platform: 'telegram',
      author: 'Південний фронт',
      text: 'обстріл тривав дві години.',
    },
    {
      sentence: 'Олена Коваль написала у Telegram, що евакуація триває.',
      platform: 'telegram',
      author: 'Олена Коваль',
      text: 'евакуація триває.',
    },
  ],
  ar: [
    {
      sentence: 'وفقاً لقناة «الميدان اليوم» على تلغرام، سقطت ثلاث قذائف قرب السوق.',
      platform: 'telegram',
      author: 'الميدان اليوم',
      text: 'سقطت ثلاث قذائف قرب السوق.',
    },
    {
      sentence: 'وكتب المحافظ سامي حداد على تيليغرام: «تم إغلاق الطريق حتى إشعار آخر».',
      platform: 'telegram',
      author: 'المحافظ سامي حداد',
      text: 'تم إغلاق الطريق حتى إشعار آخر',
    },
    {
      sentence: 'وقال الناطق في منشور على منصة إكس إن الهدنة صامدة.',
      platform: 'twitter',
      author: 'الناطق',
      text: 'الهدنة صامدة.',
    },
  ],
  tr: [
    {
      sentence: 'Kuzey Hattı adlı Telegram kanalına göre, köprü gece iki kez vuruldu.',
      platform: 'telegram',
      author: 'Kuzey Hattı',
      text: 'köprü gece iki kez vuruldu.',
    },
    {
      sentence: "Vali Ahmet Demir, X'te yaptığı paylaşımda, yolların kapatıldığını duyurdu.",
      platform: 'twitter',
      author: 'Vali Ahmet Demir',
      text: 'yolların kapatıldığını duyurdu.',
    },
  ],
  fr: [
    {
      sentence: 'Selon la chaîne Telegram « Front Est », deux villages ont été évacués dans la nuit.',
      platform: 'telegram',
      author: 'Front Est',
      text: 'deux villages ont été évacués dans la nuit.',
    },
    {
      sentence: "Le maire Paul Girard a écrit sur sa chaîne Telegram que l'école resterait fermée.",
      platform: 'telegram',
      author: 'Paul Girard',
      text: "l'école resterait fermée.",
    },
    {
      sentence: "Dans un message publié sur X, Claire Dumas a affirmé qu'aucun blessé n'était à déplorer.",
      platform: 'twitter',
      author: 'Claire Dumas',
      text: "aucun blessé n'était à déplorer.",
    },
  ],
  es: [
    {
      sentence: 'Según el canal de Telegram Frente Sur, el puente quedó destruido.',
      platform: 'telegram',
      author: 'Frente Sur',
      text: 'el puente quedó destruido.',
    },
    {
      sentence: 'La alcaldesa Ana Ruiz escribió en su cuenta de Telegram que el agua volvió al barrio.',
      platform: 'telegram',
      author: 'Ana Ruiz',
      text: 'el agua volvió al barrio.',
    },
    {
      sentence: 'En una publicación en X, Luis Mora aseguró que la frontera seguía abierta.',
      platform: 'twitter',
      author: 'Luis Mora',
      text: 'la frontera seguía abierta.',
    },
  ],
};

describe('attribution phrases in seven languages', () => {
  for (const [language, cases] of Object.entries(CASES)) {
    it(`reads ${language}: the platform, who posted, and the claim only`, () => {
      for (const c of cases) {
        const text = `Opening sentence of the report. ${c.sentence} The outlet goes on in its own words.`;
        const posts = findEmbeddedPosts(text);
        expect(posts, c.sentence).toHaveLength(1);
        const [post] = posts;
        expect(post, c.sentence).toMatchObject({
          platform: c.platform,
          author: c.author,
          text: c.text,
          reason: `${c.platform}-attribution`,
        });
        // The post is the attribution and its claim; the sentences around it stay the outlet's.
        expect(text.slice(post!.textSpan.start, post!.textSpan.end)).toBe(c.text);
        expect(post!.span.start).toBe(text.indexOf(c.sentence));
        expect(text.slice(post!.span.end)).toMatch(/^["»”]?\.? ?The outlet goes on/u);
      }
    });
  }

  it('leaves sentences that only mention a platform alone', () => {
    for (const s of [
      'Telegram is popular in the region, officials said.',
      'Канал связи был прерван, сообщил губернатор.',
      'El canal de riego quedó destruido, informó el alcalde.',
      "La chaîne de télévision a été coupée, a indiqué l'opérateur.",
      'Kanal boyunca çatışmalar sürdü.',
      'قال المحافظ إن الطريق مغلق.',
      'Как сообщает телеграм-канал Полевая сводка колонна вышла.',
    ])
      expect(findEmbeddedPosts(s), s).toEqual([]);
  });
});

describe('data/ingest/post-attributions.txt', () => {
  const file = `${defaultDataDir()}/ingest/post-attributions.txt`;
  const compiled = loadAttributionPatterns(file);

  it('has a trigger and patterns for every language, each pattern once', () => {
    const languages = new Set(compiled.patterns.map((p) => p.language));
    expect([...languages].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'tr', 'uk']);
    for (const l of languages) expect(compiled.triggers.some((t) => t.language === l)).toBe(true);
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\w\w \| (?:telegram|twitter)/.test(l));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('guards every trigger word: a text with a trigger word always passes the guard', () => {
    for (const t of compiled.triggers)
      for (const w of t.words) {
        // The guard is case-sensitive; triggers are matched in lower case: try the word as prose would write it.
        const written = w.replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
        const xWritten = w.replace(/(^|\s)x(?=$|['’\s])/u, '$1X');
        expect(compiled.guard.test(`${written} ${xWritten} ${w}`), `${t.language}: ${w}`).toBe(true);
      }
  });

  it('opens with its source, licence and known gaps', () => {
    const header = readFileSync(file, 'utf8').split('\n').slice(0, 20).join('\n');
    expect(header).toMatch(/# source:/);
    expect(header).toMatch(/# licence:/);
    expect(header).toMatch(/# known gaps:/);
  });

  it('names the file and line of a bad row', () => {
    const bad = '* | guard | said\nxx | says | said\nxx | trigger | said\nxx | telegram | {nonsense} said';
    expect(() => compileAttributionPatterns(bad, 'bad.txt')).toThrow(/bad\.txt:4: unknown placeholder \{nonsense\}/);
    expect(() => compileAttributionPatterns('xx | telegram | said', 'bad.txt')).toThrow(/bad\.txt:1: no trigger/);
    expect(() => compileAttributionPatterns('xx | trigger | a\nxx | fax | said', 'bad.txt')).toThrow(
      /bad\.txt:2: unknown kind 'fax'/,
    );
  });

  it('can be replaced by another file (options.attributions)', () => {
    const own = compileAttributionPatterns(
      '* | guard | Mastodon\nxx | says | posted\nxx | trigger | mastodon\nxx | other | {speaker} posted on Mastodon:',
      'own.txt',
    );
    const posts = findEmbeddedPosts('Ada Lin posted on Mastodon: the road is open. Then more.', { attributions: own });
    expect(posts).toMatchObject([{ platform: 'other', author: 'Ada Lin', text: 'the road is open.' }]);
    expect(findEmbeddedPosts('According to the Telegram channel Rybar, x.', { attributions: own })).toEqual([]);
  });
});
