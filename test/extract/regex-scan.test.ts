// The speed-ups of the scanners must not change a single match: each is compared with the plain global scan it
// replaces, on sentences of the kinds the lexicons meet and on random text built from their awkward characters.
import { describe, expect, it } from 'vitest';
import { demonymMatches } from '../../src/extract/actors.js';
import { execAll } from '../../src/extract/regex.js';

const DEMONYM =
  /((?:[A-Za-z\u00C0-\u024F'’.-]+ ){1,4}?)(?:(armed forces|army|forces|troops|military|soldiers|warplanes|jets|air ?force|navy|marines|border guards|security forces|artillery|drones?)|(police|gendarmerie|gendarmes))(?![\w])/gi;

const plain = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, ...m]);
const fast = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, ...m]);

const SENTENCES = [
  'On 3 May, the Syrian army and Turkish-backed forces clashed near the town.',
  "Turkey's armed forces shelled positions held by Kurdish fighters; Russian warplanes struck later.",
  'Police dispersed the crowd.  Nigerian  police arrested 4 men. Malian gendarmes and the air force responded.',
  'the forces forces forces of the the the border guards',
  'Pro-government   troops, pro-Houthi troops and (Yemeni) troops withdrew. Côte d’Ivoire’s gendarmerie deployed.',
  'A B C D E F army G H I J K L M N O security forces P',
  '',
  'army',
  ' army',
  'x army',
  'Élite Ɓlue ɓlue troops, Ægean navy.',
];

function randomText(seed: number, length: number): string {
  const pieces = [
    'army',
    'forces',
    'police',
    'air force',
    'airforce',
    ' ',
    ' ',
    ' ',
    'a',
    'Syrian',
    "'s",
    '’',
    '.',
    '-',
    ',',
    'É',
    'ɓ',
    '\n',
    'drones',
    'jets',
  ];
  let x = seed;
  let out = '';
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += pieces[x % pieces.length];
  }
  return out;
}

describe('demonymMatches', () => {
  it('gives the matches of the plain global scan on report-like sentences', () => {
    for (const s of SENTENCES) expect(fast(demonymMatches(DEMONYM, s))).toEqual(plain(DEMONYM, s));
  });
  it('gives the matches of the plain global scan on 2,000 random strings of its awkward characters', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const s = randomText(seed, 20 + (seed % 200));
      expect(fast(demonymMatches(DEMONYM, s))).toEqual(plain(DEMONYM, s));
    }
  });
});

describe('execAll', () => {
  it('equals matchAll, including empty matches (one code unit, or one code point with /u)', () => {
    const cases: [RegExp, string][] = [
      [/a*/g, 'baaac'],
      [/\b/g, 'two words'],
      [/(?:)/gu, 'a😀b'],
      [/(?:)/g, 'a😀b'],
      [/(\d+)-(\d+)/g, 'between 10-12 and 3-4'],
      [/x/gi, 'no match here'],
    ];
    for (const [re, s] of cases) expect(fast(execAll(re, s))).toEqual(plain(re, s));
  });
  it('starts from 0 and leaves lastIndex at 0, whatever a previous use left', () => {
    const re = /o/g;
    re.lastIndex = 5;
    expect(execAll(re, 'foo boo').map((m) => m.index)).toEqual([1, 2, 5, 6]);
    expect(re.lastIndex).toBe(0);
  });
});
