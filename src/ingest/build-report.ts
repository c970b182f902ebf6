/**
 * A source document to a Report: normalize, identify, find the dateline and the embedded posts, guess the
 * language, fingerprint for syndication families. Pure apart from the loaded language model passed in.
 */
import type { EmbeddedPost, Report } from '../model/report.js';
import type { LanguageGuess, LanguageIdentifier } from '../text/language.js';
import { parseDateline } from './dateline.js';
import type { SourceDocument } from './document.js';
import { findEmbeddedPosts, postLanguage } from './embedded-posts.js';
import { IngestError } from './errors.js';
import type { HtmlEmbed } from './html.js';
import { minhashSignature, signatureToHex } from './near-duplicates.js';
import { normalizeText, reportIdFor } from './normalize.js';

/**
 * Characters of the outlet's own text given to the language model: ~75 words settle fastText's guess, and the
 * model's cost grows with the sample. Measured on the 3,856 dev texts (739 longer than 600 characters) plus
 * samples/ and test fixtures: 1,000, 600 and 400 characters give the same language for every text; per text
 * 129 µs at 1,000, 76 µs at 600, 67 µs at 400 (CPU, mostly short texts); on bench:ingest's ~2.4 KB reports
 * ~490 µs at 1,000.
 */
const LANGUAGE_SAMPLE_CHARS = 500;
/**
 * The model is asked about a shorter prefix first, and about LANGUAGE_SAMPLE_CHARS only when it is unsure of it:
 * fastText's cost is linear in the sample (bench:ingest reports: ~150 µs at 500 characters, ~60 µs at 200). On the
 * 3,924 dev, sample and fixture texts (3,918 English; Turkish, Spanish, Arabic) 200 characters alone disagreed with
 * 500 nowhere, 150 once (a list of Syrian village names); with the fallback below 0.8 or 0.9 none did. Below 0.9
 * the fallback ran for 19.7% of bench:ingest reports (full of invented names) and 7.7% of ACLED notes, below 0.8
 * for 0.3% and 1.2%: ~61 µs a report instead of ~150 µs at 500 characters.
 */
const LANGUAGE_FIRST_CHARS = 200;
const LANGUAGE_SURE = 0.8;

export interface BuildOptions {
  identifier?: LanguageIdentifier | null;
}

/** The report a document stands for; throws IngestError when there is no text left after normalization. */
export function buildReport(doc: SourceDocument, options: BuildOptions = {}): Report {
  return buildReportWithSignature(doc, options).report;
}

/** `buildReport` and the MinHash signature behind `report.fingerprint`, so the pipeline need not decode it again. */
export function buildReportWithSignature(
  doc: SourceDocument,
  options: BuildOptions = {},
): { report: Report; signature: Uint32Array } {
  const identifier = options.identifier ?? null;
  let text = normalizeText(doc.text);
  const embeds = doc.embeds ?? [];
  // Embeds Readability dropped (they sat outside the article body) are appended, so no post is lost.
  const missing = embeds.filter((e) => e.rendered && !text.includes(e.rendered));
  if (missing.length > 0) text = normalizeText(`${text}\n\n${missing.map((e) => e.rendered).join('\n\n')}`);
  if (text.length === 0 || !/[\p{L}\p{N}]/u.test(text)) {
    throw new IngestError(doc.source.locator, text.length === 0 ? 'empty (no text)' : 'no words in text');
  }
  const markupPosts = locateEmbeds(text, embeds, identifier);
  const textPosts = findEmbeddedPosts(text, { identifier }).filter(
    (p) => !markupPosts.some((m) => p.span.start < m.span.end && m.span.start < p.span.end),
  );
  const embeddedPosts = [...markupPosts, ...textPosts].sort((a, b) => a.span.start - b.span.start);

  let published = doc.published ?? null;
  let publishedSource = published ? doc.publishedSource : 'none';
  const dateline = parseDateline(text, { published });
  if (!published && dateline?.date && /^\d{4}-/.test(dateline.date)) {
    published = dateline.date;
    publishedSource = 'dateline';
  }
  const guess = identifier ? identifyLanguage(identifier, withoutPosts(text, embeddedPosts)) : null;
  const sig = minhashSignature(text);
  const id = reportIdFor(text);
  const report: Report = {
    id,
    sources: [doc.source],
    outlet: doc.outlet ?? null,
    title: doc.title ?? null,
    author: doc.author ?? null,
    url: doc.url ?? null,
    published,
    publishedSource,
    dateline,
    language: guess?.language ?? 'und',
    languageConfidence: guess ? round(guess.confidence) : null,
    text,
    embeddedPosts,
    rawSha256: doc.rawSha256,
    familyId: id,
    fingerprint: signatureToHex(sig),
  };
  return { report, signature: sig };
}

/** Markup embeds, placed at their rendered line in the clean text. */
function locateEmbeds(
  text: string,
  embeds: readonly HtmlEmbed[],
  identifier: LanguageIdentifier | null,
): EmbeddedPost[] {
  const posts: EmbeddedPost[] = [];
  let from = 0;
  for (const e of embeds) {
    if (!e.rendered) continue;
    let at = text.indexOf(e.rendered, from);
    if (at < 0) at = text.indexOf(e.rendered);
    if (at < 0) continue;
    from = at + e.rendered.length;
    const textStart = at + e.textOffset;
    posts.push({
      span: { start: at, end: at + e.rendered.length },
      textSpan: { start: textStart, end: textStart + e.text.length },
      text: e.text,
      platform: e.platform,
      author: e.author,
      handle: e.handle,
      date: e.date,
      url: e.url,
      language: postLanguage(e.text, identifier) ?? e.langHint ?? null,
      reason: e.reason,
    });
  }
  return posts;
}

/** The language of the outlet's own text: a short prefix when the model is sure of it, else a longer one. */
export function identifyLanguage(identifier: LanguageIdentifier, ownText: string): LanguageGuess {
  const first = identifier.identify(ownText.slice(0, LANGUAGE_FIRST_CHARS));
  if (first.confidence >= LANGUAGE_SURE || ownText.length <= LANGUAGE_FIRST_CHARS) return first;
  return identifier.identify(ownText.slice(0, LANGUAGE_SAMPLE_CHARS));
}

/** The outlet's own words: the report's language is theirs, not that of the posts it quotes. */
function withoutPosts(text: string, posts: readonly EmbeddedPost[]): string {
  if (posts.length === 0) return text;
  let out = '';
  let at = 0;
  for (const p of posts) {
    out += text.slice(at, p.span.start);
    at = Math.max(at, p.span.end);
  }
  out += text.slice(at);
  return out.trim().length > 0 ? out : text;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
