/**
 * The incident stage: `Extraction[]` (events with their reports) → `Incident[]`. Pure functions over plain data;
 * the store and the CLI sit at the edges (src/store/sqlite/incidents-repo.ts, src/cli/commands/incidents.ts).
 */
export { assembleIncident, incidentId } from './assemble.js';
export {
  type ClusterInput,
  clusterIncidents,
  compareIncidents,
  FOLLOW_DISTANCE_KM,
  FOLLOW_WINDOW_DAYS,
  IncidentIndex,
  type IncidentIndexOptions,
  type UpdateResult,
} from './cluster.js';
export { compatible, distanceKm, typeGroup } from './compatibility.js';
export { summarizeCount } from './counts.js';
export { buildConstraints } from './decisions.js';
export { eventKey } from './features.js';
export { toAcledCsv, toGeoJson, toJsonLine } from './formats.js';
export { gradeIncident } from './grade.js';
export { eventsOfExtraction, incidentReportOf } from './inputs.js';
export { type IncidentLexicon, loadIncidentLexicon } from './lexicon.js';
export {
  codeReportsWithoutEvents,
  ensureIncidentsFresh,
  eventSetMarker,
  type IncidentStore,
  incidentSource,
  rebuildIncidents,
  updateIncidentsForEvents,
  updateIncidentsForReports,
} from './service.js';
