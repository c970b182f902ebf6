/** Report ingest: formats, normalization, embedded posts, datelines, syndication families, the batch pipeline. */
export { buildReport } from './build-report.js';
export { parseDateline } from './dateline.js';
export { toIsoDate } from './dates.js';
export type { InputItem, SourceDocument } from './document.js';
export { findEmbeddedPosts } from './embedded-posts.js';
export { IngestError, type IngestFailure } from './errors.js';
export { INPUT_FORMATS, type InputFormat, planInputs, readPlannedInputs } from './inputs.js';
export { defaultMapping, type FieldMapping, parseMapping } from './mapping.js';
export {
  CANDIDATE_JACCARD,
  estimateJaccard,
  isSyndicated,
  minhashSignature,
  SYNDICATION_SHARE,
  syndicationShare,
} from './near-duplicates.js';
export { normalizeText, reportIdFor } from './normalize.js';
export { type IngestOptions, type IngestProgress, type IngestSummary, ingest } from './pipeline.js';
