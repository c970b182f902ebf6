/** `sitrep incidents list|show|rebuild|merge|split|move|demo`: incidents formed from the stored events. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportCoder } from '../../extract/from-report.js';
import { toAcledCsv, toGeoJson, toJsonLine } from '../../incidents/formats.js';
import { type IncidentLexicon, loadIncidentLexicon } from '../../incidents/lexicon.js';
import {
  codeReportsWithoutEvents,
  ensureIncidentsFresh,
  rebuildIncidents,
  updateIncidentsForEvents,
} from '../../incidents/service.js';
import { GRADES, type Grade, type Incident } from '../../model/incident.js';
import { SqliteIncidentRepository } from '../../store/sqlite/incidents-repo.js';
import type { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { IncidentFilter, Store } from '../../store/store.js';
import { CliError, type CliIo, type Command } from '../command.js';
import { dateOption, intOption, openExistingStore, parseOptions, writeTable } from './reports.js';

const FORMATS = ['table', 'json', 'jsonl', 'acled-csv', 'geojson'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `usage: sitrep incidents <list|show|rebuild|merge|split|move> [options]

Incidents: the events of many reports about one real-world incident, with independent sources, counts as
low/best/high, a grade and follow-up links. They are (re)built from the stored events whenever those changed.

  list                 incidents matching the filters (oldest first)
  show <id>            one incident with its reports, events, counts and grade reason
  rebuild              re-cluster every stored event (replays the analyst decisions)
  merge <id> <id>…     analyst decision: these incidents are one
  split <id> --events KEY,KEY…
                       analyst decision: these member events (reportId#index) are an incident of their own
  move <event> <id>    analyst decision: the event (reportId#index) belongs to incident <id>
  demo [--samples DIR] ingests the sample reports into a throwaway database, codes them and prints the incidents

filters (list):
  --from DATE --to DATE      incidents whose dates overlap [from, to]
  --country CC               ISO 3166-1 alpha-2 code      --admin1 NAME
  --type TYPE                event or sub-event type (ACLED spelling)
  --actor TEXT               part of an actor's name or of the words that named it
  --grade GRADE              ${GRADES.join(', ')}
  --min-sources N            at least N independent source families
  --limit N --offset N

options:
  --format FORMAT            ${FORMATS.join(', ')} (default table; show: json)
  --json                     same as --format json
  --analyst NAME --note TEXT recorded with a decision
  --db FILE                  database (default $SITREP_DB or ./sitrep.db)

jsonl: one line per incident: {"id","event_type","sub_event_type","actors","date","location","counts","grade",
"grade_reason","sources","reports":[{"id","outlet","published","family"}],"events":[{"report","index","certainty"}],
"links":[{"type":"follows","incident"}]}; reports[].id is the report's input id (JSONL id or file name).
`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  country: { type: 'string' },
  admin1: { type: 'string' },
  type: { type: 'string' },
  actor: { type: 'string' },
  grade: { type: 'string' },
  'min-sources': { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  events: { type: 'string' },
  analyst: { type: 'string' },
  note: { type: 'string' },
  samples: { type: 'string' },
} as const;

function formatOf(values: Record<string, string | boolean | undefined>, fallback: Format): Format {
  if (values.json) return 'json';
  const f = (values.format as string | undefined) ?? fallback;
  if (!FORMATS.includes(f as Format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got '${f}'`);
  return f as Format;
}

function filterOf(values: Record<string, string | boolean | undefined>): IncidentFilter {
  const grade = values.grade as string | undefined;
  if (grade !== undefined && !GRADES.includes(grade as Grade))
    throw new CliError(`--grade must be one of ${GRADES.join(', ')}, got '${grade}'`);
  const filter: IncidentFilter = {
    from: dateOption(values.from, 'from'),
    to: dateOption(values.to, 'to'),
    country: values.country as string | undefined,
    admin1: values.admin1 as string | undefined,
    type: values.type as string | undefined,
    actor: values.actor as string | undefined,
    grade: grade as Grade | undefined,
  };
  if (values['min-sources'] !== undefined) filter.minSources = intOption(values['min-sources'], 'min-sources', 0);
  if (values.limit !== undefined) filter.limit = intOption(values.limit, 'limit', 0);
  if (values.offset !== undefined) filter.offset = intOption(values.offset, 'offset', 0);
  return filter;
}

function write(io: CliIo, incidents: Incident[], format: Format): void {
  switch (format) {
    case 'jsonl':
      for (const i of incidents) io.stdout.write(`${JSON.stringify(toJsonLine(i))}\n`);
      return;
    case 'json':
      io.stdout.write(`${JSON.stringify(incidents, null, 2)}\n`);
      return;
    case 'acled-csv':
      io.stdout.write(toAcledCsv(incidents));
      return;
    case 'geojson':
      io.stdout.write(`${JSON.stringify(toGeoJson(incidents), null, 2)}\n`);
      return;
    default:
      writeTable(
        io,
        ['id', 'date', 'type', 'place', 'killed', 'captured', 'grade', 'src'],
        incidents.map((i) => [
          i.id,
          i.date ? (i.date.start === i.date.end ? i.date.start : `${i.date.start}..${i.date.end}`) : '-',
          i.sub_event_type,
          i.location ? `${i.location.name}, ${i.location.country ?? '?'}` : '-',
          rangeText(i.counts.killed),
          rangeText(i.counts.captured),
          i.grade,
          String(i.sources.length),
        ]),
      );
  }
}

function rangeText(c: Incident['counts']['killed']): string {
  if (c.best === null) return c.claims.length > 0 ? 'claim' : '-';
  return c.low === c.high ? String(c.best) : `${c.low}/${c.best}/${c.high}`;
}

function showText(io: CliIo, i: Incident): void {
  const out: string[] = [];
  out.push(`${i.id}  ${i.event_type} / ${i.sub_event_type}`);
  out.push(`date      ${i.date ? `${i.date.start}..${i.date.end} (${i.date.precision})` : '-'}`);
  const l = i.location;
  out.push(
    `place     ${l ? `${l.name}, ${[l.admin2, l.admin1, l.country].filter(Boolean).join(', ')} (${l.precision})` : '-'}`,
  );
  out.push(`actors    ${i.actors.actor1?.name ?? '-'} vs ${i.actors.actor2?.name ?? '-'}`);
  for (const [name, c] of [
    ['killed', i.counts.killed],
    ['injured', i.counts.injured],
    ['captured', i.counts.captured],
  ] as const) {
    if (c.best === null && c.claims.length === 0) continue;
    const claims = c.claims.map(
      (x) =>
        `${x.range.low}${x.range.high === x.range.low ? '' : '+'} (${x.reason}${x.attribution ? `, ${x.attribution}` : ''})`,
    );
    out.push(
      `${name.padEnd(9)} low ${c.low ?? '-'} / best ${c.best ?? '-'} / high ${c.high ?? '-'} (ACLED ${c.acled ?? '-'}; ${c.reason})${claims.length ? `; claims: ${claims.join(', ')}` : ''}`,
    );
  }
  out.push(`grade     ${i.grade}: ${i.grade_reason}`);
  out.push(`sources   ${i.sources.length} independent`);
  for (const f of i.sources) {
    out.push(`  [${f.kind}${f.label ? `: ${f.label}` : ''}]`);
    for (const r of f.reports)
      out.push(`    ${r.published ?? '----------'}  ${r.outlet ?? '-'}  ${r.externalId ?? r.id.slice(0, 12)}`);
  }
  out.push('events');
  for (const m of i.members) {
    const ev = m.evidence[0]?.text.replace(/\s+/g, ' ').slice(0, 100) ?? '';
    out.push(
      `  ${m.externalId ?? m.report.slice(0, 12)}#${m.index}  ${m.sub_event_type}  ${m.certainty}  ${m.reason}  "${ev}"`,
    );
  }
  for (const link of i.links) out.push(`follows   ${link.incident} (${link.reason})`);
  io.stdout.write(`${out.join('\n')}\n`);
}

function decisionId(kind: string, seed: string): string {
  return `${kind}-${new Date().toISOString().replace(/[:.]/g, '')}-${seed.slice(0, 16)}`;
}

export const incidentsCommand: Command = {
  name: 'incidents',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    const [sub, ...args] = positionals;
    if (!sub) throw new CliError('give a sub-command: list, show <id>, rebuild, merge, split, move or demo');
    if (sub === 'demo') return demo(io, values);
    const store: SqliteStore = openExistingStore(values.db as string | undefined, io);
    let lexicon: IncidentLexicon | null = null;
    const lex = () => {
      lexicon ??= loadIncidentLexicon();
      return lexicon;
    };
    try {
      const repo = (store as Store).incidents ?? new SqliteIncidentRepository(store.db);
      const mustGet = (id: string) => {
        const inc = repo.get(id);
        if (!inc) throw new CliError(`no incident '${id}'`, 1);
        return inc;
      };
      // Reports ingested without a coder: code them once (the extractor loads only then, ~1-3 s).
      if (store.events.count() === 0 && store.reports.count() > 0) {
        const { createExtractor } = await import('../../extract/index.js');
        const extractor = await createExtractor();
        const coded = store.transaction(() => codeReportsWithoutEvents(store, reportCoder(extractor)));
        io.stderr.write(`incidents: no events were stored; coded ${coded} reports\n`);
      }
      const note = (values.note as string | undefined) ?? null;
      const analyst = (values.analyst as string | undefined) ?? io.env.USER ?? null;
      const at = new Date().toISOString();
      switch (sub) {
        case 'list': {
          const filter = filterOf(values);
          ensureIncidentsFresh(store, repo, lex());
          write(io, repo.list(filter), formatOf(values, 'table'));
          return 0;
        }
        case 'show': {
          if (args.length !== 1) throw new CliError('usage: sitrep incidents show <id>');
          ensureIncidentsFresh(store, repo, lex());
          const inc = mustGet(args[0]!);
          const format = formatOf(values, 'table');
          if (format === 'table') showText(io, inc);
          else write(io, [inc], format === 'json' ? 'json' : format);
          return 0;
        }
        case 'rebuild': {
          const t0 = performance.now();
          const r = rebuildIncidents(store, repo, lex());
          const s = (performance.now() - t0) / 1000;
          io.stderr.write(`incidents: ${r.incidents} from ${r.events} events in ${s.toFixed(2)} s\n`);
          if (values.json)
            io.stdout.write(`${JSON.stringify({ incidents: r.incidents, events: r.events, seconds: s })}\n`);
          return 0;
        }
        case 'merge': {
          if (args.length < 2) throw new CliError('usage: sitrep incidents merge <id> <id>…');
          ensureIncidentsFresh(store, repo, lex());
          const events = [...new Set(args.flatMap((id) => mustGet(id).members.map((m) => m.key)))];
          repo.addDecision({ id: decisionId('merge', events[0]!), at, analyst, note, kind: 'merge', events });
          updateIncidentsForEvents(store, repo, lex(), events);
          io.stdout.write(`${repo.incidentOfEvent(events[0]!) ?? '-'}\n`);
          return 0;
        }
        case 'split': {
          if (args.length !== 1 || typeof values.events !== 'string')
            throw new CliError('usage: sitrep incidents split <id> --events reportId#index,…');
          ensureIncidentsFresh(store, repo, lex());
          const inc = mustGet(args[0]!);
          const keys = new Set(inc.members.map((m) => m.key));
          const part = values.events
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean);
          const unknown = part.filter((k) => !keys.has(k));
          if (unknown.length > 0) throw new CliError(`not members of ${inc.id}: ${unknown.join(', ')}`);
          const rest = [...keys].filter((k) => !part.includes(k));
          if (rest.length === 0) throw new CliError('a split must leave at least one event in the incident');
          repo.addDecision({
            id: decisionId('split', part[0]!),
            at,
            analyst,
            note,
            kind: 'split',
            groups: [part, rest],
          });
          updateIncidentsForEvents(store, repo, lex(), [...part, ...rest]);
          io.stdout.write(`${repo.incidentOfEvent(part[0]!) ?? '-'}\n${repo.incidentOfEvent(rest[0]!) ?? '-'}\n`);
          return 0;
        }
        case 'move': {
          if (args.length !== 2) throw new CliError('usage: sitrep incidents move <reportId#index> <incident id>');
          ensureIncidentsFresh(store, repo, lex());
          const [event, target] = args as [string, string];
          const from = repo.incidentOfEvent(event);
          if (!from) throw new CliError(`no incident holds event '${event}'`, 1);
          const to = mustGet(target)
            .members.map((m) => m.key)
            .filter((k) => k !== event);
          const fromKeys = mustGet(from)
            .members.map((m) => m.key)
            .filter((k) => k !== event);
          repo.addDecision({
            id: decisionId('move', event),
            at,
            analyst,
            note,
            kind: 'move',
            event,
            to,
            from: fromKeys,
          });
          updateIncidentsForEvents(store, repo, lex(), [event, ...to, ...fromKeys]);
          io.stdout.write(`${repo.incidentOfEvent(event) ?? '-'}\n`);
          return 0;
        }
        default:
          throw new CliError(`unknown sub-command '${sub}' (list, show, rebuild, merge, split, move)`);
      }
    } finally {
      store.close();
    }
  },
};

/** The samples' CSV corpus uses its own column names (see samples/README.md). */
const SAMPLES_CSV_MAP = 'id=ref,text=body,published=date,title=headline,url=link,outlet=source';

/** `sitrep incidents demo`: samples → ingest → coder → incidents, in memory; prints the incidents. */
async function demo(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const dir = (values.samples as string | undefined) ?? fileURLToPath(new URL('../../../samples/', import.meta.url));
  if (!existsSync(dir)) throw new CliError(`no samples at ${dir} (pass --samples DIR)`, 1);
  const [{ createExtractor }, { ingest }, { parseMapping }, { openStore }] = await Promise.all([
    import('../../extract/index.js'),
    import('../../ingest/pipeline.js'),
    import('../../ingest/mapping.js'),
    import('../../store/index.js'),
  ]);
  const store = openStore(':memory:');
  try {
    const extractor = await createExtractor();
    const extract = reportCoder(extractor);
    const csv = join(dir, 'corpus', 'reports.csv');
    const others = readdirSync(dir)
      .filter((name) => !name.startsWith('.') && name !== 'README.md')
      .flatMap((name) => (name === 'corpus' ? [join(dir, name, 'reports.jsonl')] : [join(dir, name)]))
      .filter((p) => existsSync(p));
    const a = await ingest(others, { store, extract });
    const b = existsSync(csv) ? await ingest([csv], { store, extract, mapping: parseMapping(SAMPLES_CSV_MAP) }) : null;
    for (const f of [...a.failures, ...(b?.failures ?? [])]) io.stderr.write(`${f.locator}: ${f.reason}\n`);
    const repo = new SqliteIncidentRepository(store.db);
    const built = rebuildIncidents(store, repo, loadIncidentLexicon());
    const reports = a.documents + (b?.documents ?? 0);
    io.stdout.write(`${reports} sample reports, ${built.events} events, ${built.incidents} incidents\n\n`);
    write(io, repo.list(), formatOf(values, 'table'));
    return 0;
  } finally {
    store.close();
  }
}
