import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/ingest/build-report.js';
import type { InputItem, SourceDocument } from '../../src/ingest/document.js';
import { parseHtmlPage } from '../../src/ingest/html.js';
import { type InputOptions, planInputs, readPlannedInputs, sniffFormat } from '../../src/ingest/inputs.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import { fakeIdentifier, fixture, tempDir } from './helpers.js';

async function read(paths: string[], options: InputOptions = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readPlannedInputs(await planInputs(paths), {
    now: () => '2024-01-01T00:00:00.000Z',
    ...options,
  })) {
    items.push(item);
  }
  return items;
}

const docs = (items: InputItem[]): SourceDocument[] => items.flatMap((i) => (i.kind === 'document' ? [i.doc] : []));
const failures = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'failure' ? [i.failure] : []));

describe('plain text', () => {
  it('takes the date from a leading date line and drops the line from the text', async () => {
    const [doc] = docs(await read([fixture('good/wire-date-line.txt')]));
    expect(doc).toMatchObject({ published: '2021-03-04', publishedSource: 'date-line' });
    const report = buildReport(doc!);
    expect(report.text.startsWith('KYIV, Ukraine, March 3 (Fictional Wire) -')).toBe(true);
    expect(report.dateline).toMatchObject({
      place: 'Kyiv',
      country: 'Ukraine',
      agency: 'Fictional Wire',
      date: '2021-03-03',
    });
    expect(report.sources).toEqual([
      {
        kind: 'file',
        locator: fixture('good/wire-date-line.txt'),
        externalId: null,
        seenAt: '2024-01-01T00:00:00.000Z',
      },
    ]);
    expect(report.rawSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without a date line, has no publication date unless the dateline gives a full one', async () => {
    const [doc] = docs(await read([fixture('good/bulletin-no-date.txt')]));
    const report = buildReport(doc!);
    expect(report).toMatchObject({ published: null, publishedSource: 'none', language: 'und' });
    expect(report.dateline?.place).toBe('Aleppo');
    const dated = buildReport({ ...doc!, text: 'ANKARA, 31 October 2019 (Daily) – Officials said.' });
    expect(dated).toMatchObject({ published: '2019-10-31', publishedSource: 'dateline' });
  });
});

describe('HTML', () => {
  it('keeps the article, drops navigation, ads and footer, reads JSON-LD and meta tags', async () => {
    const [doc] = docs(await read([fixture('good/article.html')]));
    const report = buildReport(doc!, { identifier: fakeIdentifier });
    expect(report).toMatchObject({
      title: 'Clashes near Tal Tamr leave soldiers captured',
      author: 'Test Author',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/clashes-near-tal-tamr',
      published: '2019-10-29',
      publishedSource: 'json-ld',
      language: 'en',
    });
    expect(report.text).toContain('Fighting broke out on Tuesday');
    expect(report.text).toContain('did not respond to requests for comment');
    for (const boilerplate of ['Advertisement', 'Sport', 'All rights reserved', 'unrelated fictional story']) {
      expect(report.text).not.toContain(boilerplate);
    }
  });

  it('keeps the embedded tweet and Telegram post as posts with spans into the clean text', async () => {
    const [doc] = docs(await read([fixture('good/article.html')]));
    const report = buildReport(doc!, { identifier: fakeIdentifier });
    expect(report.embeddedPosts).toHaveLength(2);
    const [tweet, telegram] = report.embeddedPosts;
    expect(tweet).toMatchObject({
      platform: 'twitter',
      reason: 'twitter-blockquote',
      author: 'Deneme Hesabı',
      handle: 'deneme_hesap',
      date: '2019-10-29',
      url: 'https://twitter.com/deneme_hesap/status/111222333',
      language: 'tr',
      text: 'Tel Temir yakınlarında çatışmalar sürüyor, çok sayıda asker esir alındı',
    });
    expect(telegram).toMatchObject({
      platform: 'telegram',
      reason: 'telegram-embed',
      author: 'Example Channel',
      handle: 'example_channel',
      url: 'https://t.me/example_channel/42',
      date: '2019-10-29',
      language: 'ru',
      text: 'Бои продолжаются у деревни, есть пленные.',
    });
    for (const p of report.embeddedPosts) expect(report.text.slice(p.textSpan.start, p.textSpan.end)).toBe(p.text);
    // The report's own language ignores the posts it quotes.
    expect(report.language).toBe('en');
  });

  it('falls back to meta tags when there is no JSON-LD', () => {
    const html = `<html><head><meta property="article:published_time" content="2024-02-12T08:00:00Z"><meta property="og:title" content="Meta title"></head><body><p>${'A sentence of the article body. '.repeat(20)}</p></body></html>`;
    const report = buildReport(docFromHtml(html));
    expect(report).toMatchObject({ title: 'Meta title', published: '2024-02-12', publishedSource: 'html-meta' });
  });
});

function docFromHtml(html: string): SourceDocument {
  const page = parseHtmlPage(html);
  return {
    text: page.text,
    embeds: page.embeds,
    title: page.title,
    published: page.published,
    publishedSource: page.publishedSource,
    source: { kind: 'stdin', locator: 'stdin', seenAt: '2024-01-01T00:00:00.000Z' },
    rawSha256: null,
  };
}

describe('JSONL', () => {
  it('maps fields (dotted paths too), streams rows and reports bad rows by line', async () => {
    const mapping = parseMapping('id=doc_id,text=body,published=meta.date,title=headline,outlet=source');
    const items = await read([fixture('good/corpus.jsonl')], { mapping });
    const ok = docs(items);
    expect(ok.map((d) => d.source.externalId)).toEqual(['row-1', 'row-2', 'row-4']);
    expect(ok[0]).toMatchObject({
      title: 'Villagers abducted',
      outlet: 'Fictional Ledger',
      published: '2024-05-20',
      publishedSource: 'input-field',
      source: { kind: 'corpus-row', locator: `${fixture('good/corpus.jsonl')}#row-1` },
    });
    // "21/05/2024" is ambiguous (day/month order): no date rather than a guess.
    expect(ok[1]).toMatchObject({ published: null, publishedSource: 'none' });
    expect(failures(items)).toEqual([
      { locator: `${fixture('good/corpus.jsonl')}#row-3`, reason: "no 'body' field" },
      { locator: `${fixture('good/corpus.jsonl')}:6`, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it('gives the same report id to the same text in two rows', async () => {
    const mapping = parseMapping('id=doc_id,text=body');
    const reports = docs(await read([fixture('good/corpus.jsonl')], { mapping })).map((d) => buildReport(d));
    expect(reports[0]!.id).toBe(reports[2]!.id);
  });
});

describe('CSV', () => {
  it('maps columns and streams rows', async () => {
    const mapping = parseMapping('id=ref,text=body,published=date,title=headline,outlet=source');
    const items = await read([fixture('good/corpus.csv')], { mapping });
    expect(failures(items)).toEqual([]);
    const ok = docs(items);
    expect(ok).toHaveLength(2);
    expect(ok[1]).toMatchObject({
      title: 'Shelling',
      outlet: 'Fictional Orontes',
      published: '2024-08-15',
      source: { kind: 'corpus-row', externalId: 'c-2', locator: `${fixture('good/corpus.csv')}#c-2` },
    });
    expect(ok[1]!.text).toContain('injuring two soldiers');
  });
});

describe('feeds', () => {
  it('reads RSS items with content:encoded, pubDate and channel title', async () => {
    const items = await read([fixture('good/feed.rss')]);
    const ok = docs(items);
    expect(ok).toHaveLength(2);
    expect(ok[0]).toMatchObject({
      title: 'Drone strike reported near border village',
      outlet: 'Fictional Frontier Desk',
      author: 'Desk Editor',
      url: 'https://frontier.example/2024/07/18/drone',
      published: '2024-07-18',
      publishedSource: 'feed-item',
      source: { kind: 'feed-item', externalId: 'frontier-2024-07-18-drone' },
    });
    expect(buildReport(ok[0]!).text).toBe(
      'A drone hit a car near a border village on Thursday, killing one person, regional officials said.\n\nThe claim could not be independently verified.',
    );
    expect(ok[1]!.published).toBe('2024-07-19');
  });

  it('reads Atom entries with escaped HTML content and the alternate link', async () => {
    const [doc] = docs(await read([fixture('good/feed.atom')]));
    expect(doc).toMatchObject({
      title: 'Roadside bomb hits convoy',
      outlet: 'Fictional Sahel Monitor',
      author: 'Monitor Staff',
      url: 'https://sahel.example/2024/04/09/convoy',
      published: '2024-04-09',
    });
    expect(buildReport(doc!).text).toBe(
      'A roadside bomb struck a military convoy on Tuesday, killing at least five soldiers, security sources said.',
    );
  });
});

describe('directories and stdin', () => {
  it('walks a directory recursively in sorted order', async () => {
    const plan = await planInputs([fixture('good')]);
    expect(plan.files.map((f) => f.path.split('/').pop())).toEqual([
      'article.html',
      'bulletin-no-date.txt',
      'corpus.csv',
      'corpus.jsonl',
      'feed.atom',
      'feed.rss',
      'wire-date-line.txt',
    ]);
    expect(plan.totalBytes).toBeGreaterThan(0);
  });

  it('skips files in other formats inside directories but reads a named one by its first bytes', async () => {
    const { dir, cleanup } = tempDir();
    writeFileSync(join(dir, 'README.md'), '# Notes about this folder');
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(join(dir, 'report.txt'), 'A report.');
    const plan = await planInputs([dir]);
    expect(plan.files.map((f) => f.path)).toEqual([join(dir, 'report.txt')]);
    expect(plan.skipped.sort()).toEqual([join(dir, 'README.md'), join(dir, 'photo.jpg')]);
    const [doc] = docs(await read([join(dir, 'README.md')]));
    expect(doc!.text).toBe('# Notes about this folder');
    cleanup();
  });

  it('reads stdin and guesses its format from the first bytes', async () => {
    const stdin = new PassThrough();
    stdin.end('date 2024-03-01\nA short report read from standard input.');
    const [doc] = docs(await read(['-'], { stdin }));
    expect(doc).toMatchObject({ published: '2024-03-01', source: { kind: 'stdin', locator: 'stdin' } });
    const jsonl = new PassThrough();
    jsonl.end('{"id":"s1","text":"First."}\n{"id":"s2","text":"Second."}\n');
    expect(docs(await read(['-'], { stdin: jsonl })).map((d) => d.source.externalId)).toEqual(['s1', 's2']);
  });

  it('guesses formats', () => {
    const b = (s: string) => Buffer.from(s);
    expect(sniffFormat(b('<?xml version="1.0"?>\n<rss version="2.0">'))).toBe('feed');
    expect(sniffFormat(b('<feed xmlns="http://www.w3.org/2005/Atom">'))).toBe('feed');
    expect(sniffFormat(b('<!doctype html><html>'))).toBe('html');
    expect(sniffFormat(b('{"id": 1}'))).toBe('jsonl');
    expect(sniffFormat(b('BEIRUT — text'))).toBe('text');
  });
});
