import { describe, expect, it } from 'vitest';
import { findEmbeddedPosts } from '../../src/ingest/embedded-posts.js';
import { fakeIdentifier } from './helpers.js';

const TEXT = `The outlet's own opening sentence about the clashes.

Askerler köy yakınında esir alındı, çatışmalar sürüyor pic.twitter.com/Ab12Cd — Deneme Kişi (@deneme_kisi) October 29, 2019

Another paragraph in the outlet's own voice.

Soldiers seen being led away near the village. https://t.co/XyZ987
— Test Monitor (@test_monitor) 29 October 2019

According to the Telegram channel Rybar, the bridge was hit twice overnight. The outlet then continues.

The Telegram channel "Grey Zone" reported that fighters had entered the town.

Ramzan Kadyrov said on his Telegram channel that new units had arrived. He gave no numbers.

Bloggers claimed the depot was destroyed (https://t.me/example_chan/777).

Local officials said on Tuesday that two people were hurt — Jane Doe (@jdoe) wrote nothing else.`;

describe('findEmbeddedPosts', () => {
  const posts = findEmbeddedPosts(TEXT);

  it('finds every post and only them, in text order', () => {
    expect(posts.map((p) => p.reason)).toEqual([
      'pic-twitter-signature',
      'pic-twitter-signature',
      'telegram-attribution',
      'telegram-attribution',
      'telegram-attribution',
      'telegram-link',
    ]);
  });

  it('keeps spans that point at the post text in the clean text', () => {
    for (const p of posts) {
      expect(TEXT.slice(p.textSpan.start, p.textSpan.end)).toBe(p.text);
      expect(p.span.start).toBeLessThanOrEqual(p.textSpan.start);
      expect(p.span.end).toBeGreaterThanOrEqual(p.textSpan.end);
    }
  });

  it('reads the tweet signature: author, handle, ISO date, picture link inside the span', () => {
    const [a, b] = posts;
    expect(a).toMatchObject({
      platform: 'twitter',
      text: 'Askerler köy yakınında esir alındı, çatışmalar sürüyor',
      author: 'Deneme Kişi',
      handle: 'deneme_kisi',
      date: '2019-10-29',
    });
    expect(TEXT.slice(a!.span.start, a!.span.end)).toContain('pic.twitter.com/Ab12Cd');
    // Signature on its own line after the post, day-month-year date.
    expect(b).toMatchObject({ author: 'Test Monitor', handle: 'test_monitor', date: '2019-10-29' });
    expect(b!.text).toBe('Soldiers seen being led away near the village.');
  });

  it('reads Telegram attributions: channel name and the claim only', () => {
    expect(posts[2]).toMatchObject({
      platform: 'telegram',
      author: 'Rybar',
      text: 'the bridge was hit twice overnight.',
    });
    expect(posts[3]).toMatchObject({ author: 'Grey Zone', text: 'fighters had entered the town.' });
    expect(posts[4]).toMatchObject({ author: 'Ramzan Kadyrov', text: 'new units had arrived.' });
  });

  it('turns a cited t.me post link into a post with its channel and URL', () => {
    expect(posts[5]).toMatchObject({
      platform: 'telegram',
      handle: 'example_chan',
      url: 'https://t.me/example_chan/777',
      text: 'Bloggers claimed the depot was destroyed',
    });
  });

  it('does not take a name with a handle but no link or date for a tweet', () => {
    expect(posts.some((p) => p.handle === 'jdoe')).toBe(false);
  });

  it('gives each post its own language when a model is supplied, none otherwise', () => {
    expect(posts.every((p) => p.language === null)).toBe(true);
    const withLang = findEmbeddedPosts(TEXT, { identifier: fakeIdentifier });
    expect(withLang[0]!.language).toBe('tr');
    expect(withLang[1]!.language).toBe('en');
  });

  it('finds nothing in plain prose', () => {
    expect(findEmbeddedPosts('Troops advanced on Monday - officials said - and the town fell.')).toEqual([]);
  });
});
