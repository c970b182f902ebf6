/**
 * A small fictional world for the workbench tests: four outlets reporting on three incidents in made-up places
 * (Kelmara, Tamsa, Dorvik), stored through the real reports/events repositories and clustered by the real
 * incident stage, served by the real server on a loopback port.
 */

import { clusterIncidents, eventsOfExtraction, incidentReportOf } from '../../src/incidents/index.js';
import { EMPTY_LEXICON } from '../../src/incidents/lexicon.js';
import { reassessWithout } from '../../src/incidents/service.js';
import { buildReport } from '../../src/ingest/index.js';
import type { ExtractedEvent } from '../../src/model/extraction.js';
import type { AnalystDecision, IncidentEventInput } from '../../src/model/incident.js';
import type { Report } from '../../src/model/report.js';
import { hashPasswordSync } from '../../src/server/auth/passwords.js';
import type { IncidentSource, IngestPort } from '../../src/server/data.js';
import { buildDeps, listen, type RunningServer } from '../../src/server/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { createUsersRepo } from '../../src/store/sqlite/users-repo.js';

export interface Spec {
  externalId: string;
  outlet: string;
  published: string;
  title: string;
  text: string;
  events: ((text: string) => ExtractedEvent)[];
}

function span(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: '${words}' not in text`);
  return { start, end: start + words.length, text: words };
}

const KELMARA = {
  name: 'Kelmara',
  lat: 35.12,
  lon: 38.21,
  country: 'SY',
  admin1: 'Raqqa',
  admin2: null,
  geonameid: null,
  precision: 'exact' as const,
};
const TAMSA = {
  name: 'Tamsa',
  lat: 35.55,
  lon: 38.66,
  country: 'SY',
  admin1: 'Raqqa',
  admin2: null,
  geonameid: null,
  precision: 'near' as const,
};
const DORVIK = {
  name: 'Dorvik Province',
  lat: 41.02,
  lon: 29.01,
  country: 'TR',
  admin1: 'Dorvik',
  admin2: null,
  geonameid: null,
  precision: 'admin1' as const,
};

function shelling(
  sentence: string,
  killed: { low: number; high: number | null },
  certainty: ExtractedEvent['certainty'] = 'reported',
) {
  return (text: string): ExtractedEvent => {
    const ev = span(text, sentence);
    return {
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      actor1: { name: 'Military Forces of Syria', category: 'State forces', text: 'government artillery' },
      actor2: { name: 'Civilians (Syria)', category: 'Civilians', text: 'civilians' },
      date: { start: '2024-05-02', end: '2024-05-02', precision: 'day' },
      location: KELMARA,
      fatalities: killed,
      injured: null,
      captured: null,
      certainty,
      attribution: null,
      evidence: [ev],
      confidence: 0.8,
      reasons: [
        { field: 'location', reason: 'gazetteer-town', span: span(text, 'Kelmara') },
        { field: 'fatalities', reason: 'number-before-killed', span: span(text, String(killed.low)) },
        { field: 'sub_event_type', reason: 'trigger-shelling', span: span(text, 'shelling') },
      ],
    };
  };
}

export const SPECS: Spec[] = [
  {
    externalId: 'ashford-1',
    outlet: 'Ashford Wire',
    published: '2024-05-02',
    title: 'Market hit by shelling in Kelmara',
    text: 'KELMARA, May 2 (Ashford Wire) - Government artillery shelling hit the market in Kelmara on Thursday, killing 7 civilians, local officials said.\n\nResidents said the market had been crowded.',
    events: [
      shelling(
        'Government artillery shelling hit the market in Kelmara on Thursday, killing 7 civilians, local officials said.',
        { low: 7, high: 7 },
      ),
    ],
  },
  {
    externalId: 'valley-1',
    outlet: 'Valley Post',
    published: '2024-05-03',
    title: 'At least 9 dead after Kelmara market shelling',
    text: 'The shelling of the Kelmara market by government artillery killed at least 9 people, a hospital source told the Valley Post.\n\nThe toll may rise.',
    events: [
      shelling(
        'The shelling of the Kelmara market by government artillery killed at least 9 people, a hospital source told the Valley Post.',
        { low: 9, high: null },
      ),
    ],
  },
  {
    externalId: 'ashford-2',
    outlet: 'Ashford Wire',
    published: '2024-05-04',
    title: 'Clashes near Tamsa',
    text: 'Fighters of the Free Hills Front clashed with army units near Tamsa on Saturday; 3 fighters were killed, the group said.',
    events: [
      (text) => ({
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: { name: 'Free Hills Front', category: 'Rebel group', text: 'Fighters of the Free Hills Front' },
        actor2: { name: 'Military Forces of Syria', category: 'State forces', text: 'army units' },
        date: { start: '2024-05-04', end: '2024-05-04', precision: 'day' },
        location: TAMSA,
        fatalities: { low: 3, high: 3 },
        injured: null,
        captured: null,
        certainty: 'claimed',
        attribution: 'the group',
        evidence: [span(text, text)],
        confidence: 0.7,
        reasons: [{ field: 'actor1', reason: 'dictionary-alias', span: span(text, 'Free Hills Front') }],
      }),
    ],
  },
  {
    externalId: 'herald-1',
    outlet: 'Northern Herald',
    published: '2024-05-10',
    // Markup and SQL in article text must come back as plain text, never run or interpreted.
    title: 'Protest in Dorvik <img src=x onerror=alert(1)>',
    text: "Hundreds of teachers protested peacefully in Dorvik Province on Friday over unpaid wages; a placard read <script>alert('x')</script> and '; DROP TABLE reports; --.",
    events: [
      (text) => ({
        event_type: 'Protests',
        sub_event_type: 'Peaceful protest',
        actor1: { name: 'Protesters (Turkey)', category: 'Protesters', text: 'teachers' },
        actor2: null,
        date: { start: '2024-05-10', end: '2024-05-10', precision: 'day' },
        location: DORVIK,
        fatalities: null,
        injured: null,
        captured: null,
        certainty: 'reported',
        attribution: null,
        evidence: [span(text, text)],
        confidence: 0.9,
        reasons: [],
      }),
    ],
  },
];

/** Government forces arrest people in Kelmara the day after the shelling: a follow-up sharing an actor. */
export const ARRESTS: Spec = {
  externalId: 'valley-2',
  outlet: 'Valley Post',
  published: '2024-05-03',
  title: 'Arrests in Kelmara after the market shelling',
  text: 'Government forces arrested 12 men in Kelmara on Friday, a day after the market was shelled, relatives said.',
  events: [
    (text: string): ExtractedEvent => {
      const at = text.indexOf('Government forces arrested');
      return {
        event_type: 'Strategic developments',
        sub_event_type: 'Arrests',
        actor1: { name: 'Military Forces of Syria', category: 'State forces', text: 'Government forces' },
        actor2: { name: 'Civilians (Syria)', category: 'Civilians', text: '12 men' },
        date: { start: '2024-05-03', end: '2024-05-03', precision: 'day' },
        location: KELMARA,
        fatalities: null,
        injured: null,
        captured: { low: 12, high: 12 },
        certainty: 'reported',
        attribution: null,
        evidence: [{ start: at, end: text.length, text: text.slice(at) }],
        confidence: 0.8,
        reasons: [],
      };
    },
  ],
};

/** Incidents clustered in memory by the incident stage, with analyst decisions replayed on every read. */
export function memoryIncidents(store: SqliteStore): IncidentSource & { decisions: AnalystDecision[] } {
  const decisions: AnalystDecision[] = [];
  return {
    decisions,
    all() {
      const events: IncidentEventInput[] = store.events
        .list({ limit: 10_000 })
        .map((e) => ({ report: e.reportId, index: e.idx, event: e.event }));
      const reports = [...new Set(events.map((e) => e.report))].map((id) => incidentReportOf(store.reports.get(id)!));
      return clusterIncidents({ reports, events, decisions });
    },
    decide(decision) {
      decisions.push(decision);
    },
    reassess: (incident, discounted) => reassessWithout(store, EMPTY_LEXICON, incident, discounted),
  };
}

export function seedReports(store: SqliteStore, specs: readonly Spec[] = SPECS): Report[] {
  return specs.map((spec) => {
    const report = buildReport({
      text: spec.text,
      source: {
        kind: 'corpus-row',
        locator: `fixtures.jsonl#${spec.externalId}`,
        externalId: spec.externalId,
        seenAt: '2024-06-01T00:00:00Z',
      },
      title: spec.title,
      outlet: spec.outlet,
      published: spec.published,
      publishedSource: 'input-field',
      rawSha256: null,
    });
    store.reports.upsert(report);
    store.events.replaceForReport(
      report.id,
      spec.events.map((f) => f(report.text)),
    );
    void eventsOfExtraction;
    return report;
  });
}

export interface TestWorld {
  store: SqliteStore;
  server: RunningServer;
  url: string;
  incidents: ReturnType<typeof memoryIncidents>;
  reports: Report[];
  logs: string[];
  /** Creates a user with a known password (already changed, so no one-time-password step). */
  user(name: string, role: 'admin' | 'analyst' | 'viewer', password?: string): void;
  close(): Promise<void>;
}

export async function startWorld(
  options: { ingest?: IngestPort | null; webRoot?: string | null; specs?: readonly Spec[] } = {},
): Promise<TestWorld> {
  const store = openStore(':memory:');
  const reports = seedReports(store, options.specs ?? SPECS);
  const incidents = memoryIncidents(store);
  const logs: string[] = [];
  const deps = buildDeps({
    db: store.db,
    store,
    incidents,
    ingest: options.ingest ?? null,
    webRoot: options.webRoot ?? null,
    log: (line) => logs.push(line),
  });
  deps.data.refresh();
  const server = await listen(deps, 0);
  const users = createUsersRepo(store.db);
  return {
    store,
    server,
    url: server.url,
    incidents,
    reports,
    logs,
    user(name, role, password = `${name}-password-123`) {
      users.add(name, role, hashPasswordSync(password), false);
    },
    async close() {
      await server.close();
      store.close();
    },
  };
}

/** A tiny cookie-aware client: logs in, keeps the session cookie and the CSRF token. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(readonly base: string) {}

  async login(name: string, password = `${name}-password-123`): Promise<Response> {
    const res = await this.request('POST', '/api/auth/login', { name, password });
    const setCookie = res.headers.get('set-cookie');
    if (res.ok && setCookie) {
      this.cookie = setCookie.split(';')[0]!;
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    return fetch(this.base + path, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || Buffer.isBuffer(body)
            ? (body as string)
            : JSON.stringify(body),
    });
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await this.request(method, path, body);
    return { status: res.status, body: (await res.json()) as T };
  }
}
