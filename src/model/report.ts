/**
 * The report model: one article, bulletin or note as sitrep keeps it.
 * Plain data only; every stage reads and writes these shapes.
 */

/** A half-open character range [start, end) into a text, in JavaScript string offsets (UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}

/** Where a report was seen: a file, a URL, a feed item, a row of a corpus, stdin. */
export interface ReportSource {
  kind: 'file' | 'url' | 'feed-item' | 'corpus-row' | 'stdin' | 'api';
  /** File path, URL, `feed.xml#item-guid`, `corpus.jsonl#id`, … */
  locator: string;
  /** The id the input gave the report (JSONL `id`, CSV id column, file name), if any. */
  externalId?: string | null;
  /** ISO timestamp of when sitrep saw it. */
  seenAt: string;
}

/** How the publication date was established. */
export type PublishedSource =
  | 'input-field' // a JSONL/CSV column, or an API field
  | 'date-line' // a leading `date YYYY-MM-DD` line in a text file
  | 'html-meta' // <meta property="article:published_time"> and friends
  | 'json-ld' // schema.org datePublished
  | 'feed-item' // RSS pubDate / Atom published|updated
  | 'dateline' // the article's own dateline ("BEIRUT, Oct 30 (Reuters) -")
  | 'none';

/** An article's dateline: `BEIRUT, LEBANON (4:20 P.M.) –`. */
export interface Dateline {
  span: Span;
  place: string;
  country?: string | null;
  /** Local time as written, e.g. "4:20 P.M.", when given. */
  localTime?: string | null;
  /** A date the dateline states, ISO, when given (a date without a year takes the publication year). */
  date?: string | null;
  /** The dateline's date as written ("March 3"), when given. */
  dateText?: string | null;
  /** An agency named in the dateline ("(Reuters)", "(AP)"), when given. */
  agency?: string | null;
}

/** A social-media post quoted inside an article (a tweet, a Telegram post), a source in its own right. */
export interface EmbeddedPost {
  /** Span of the whole embed (post text plus its signature) in the report's clean text. */
  span: Span;
  /** Span of the post's own words. */
  textSpan: Span;
  text: string;
  platform: 'twitter' | 'telegram' | 'facebook' | 'instagram' | 'other';
  author?: string | null;
  handle?: string | null;
  /** ISO date (YYYY-MM-DD) when given. */
  date?: string | null;
  url?: string | null;
  /** ISO 639 code of the post's own language. */
  language?: string | null;
  /** How it was recognised: 'pic-twitter-signature', 'twitter-blockquote', 'telegram-embed', 'telegram-attribution'. */
  reason: string;
}

export interface Report {
  /** SHA-256 (hex) of the normalized text: the stable identity of the report. */
  id: string;
  /** Every place the same normalized text was seen. */
  sources: ReportSource[];
  outlet?: string | null;
  title?: string | null;
  author?: string | null;
  url?: string | null;
  /** ISO date YYYY-MM-DD. */
  published?: string | null;
  publishedSource: PublishedSource;
  dateline?: Dateline | null;
  /** ISO 639-1 where one exists, else 639-3; 'und' when undetermined. */
  language: string;
  languageConfidence?: number | null;
  /** The clean text every span refers to. */
  text: string;
  embeddedPosts: EmbeddedPost[];
  /** SHA-256 (hex) of the raw bytes as received (Berkeley Protocol: preserve and hash the original). */
  rawSha256?: string | null;
  /** Id of the syndication family (near-duplicate cluster) this report belongs to; its own id when alone. */
  familyId?: string | null;
  /** 64-bit SimHash/MinHash signature material used for near-duplicate detection, as the ingest stage defines it. */
  fingerprint?: string | null;
}
