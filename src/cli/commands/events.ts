/** `sitrep events list|show`: read the events stored with their reports. */

import type { Certainty } from '../../model/extraction.js';
import type { StoredEvent } from '../../store/store.js';
import { CliError, type CliIo, type Command } from '../command.js';
import {
  dateOption,
  intOption,
  openExistingStore,
  parseOptions,
  resolveOne,
  writeJsonLines,
  writeTable,
} from './reports.js';

const CERTAINTIES: readonly Certainty[] = ['reported', 'claimed', 'unconfirmed', 'denied'];

const HELP = `usage: sitrep events <list|show> [options]

  sitrep events list [--type TYPE] [--actor TEXT] [--country CC] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                     [--certainty reported|claimed|unconfirmed|denied] [--report REF] [--limit N] [--offset N]
      --type       an ACLED event type or sub-event type ("Battles", "Air/drone strike"), any case
      --actor      part of either actor's name or of the words that named it
      --country    ISO 3166-1 alpha-2 code of the event's location
      --from/--to  events whose date interval overlaps this range
  sitrep events show <report-id:index>     (the report id may be a unique prefix)

options:
  --db FILE   database (default $SITREP_DB or ./sitrep.db)
  --json      machine-readable output (JSON Lines for list, one JSON object for show)
  --help      this text
`;

export const eventsCommand: Command = {
  name: 'events',
  help: HELP,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    throw new CliError(
      sub === undefined ? 'missing sub-command: list or show' : `unknown sub-command '${sub}': list or show`,
    );
  },
};

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    type: { type: 'string' },
    actor: { type: 'string' },
    country: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    certainty: { type: 'string' },
    report: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}'`);
  const certainty = values.certainty as string | undefined;
  if (certainty !== undefined && !CERTAINTIES.includes(certainty as Certainty)) {
    throw new CliError(`--certainty must be one of ${CERTAINTIES.join(', ')}`);
  }
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    const filter = {
      type: values.type as string | undefined,
      actor: values.actor as string | undefined,
      country: (values.country as string | undefined)?.toUpperCase(),
      from: dateOption(values.from, 'from'),
      to: dateOption(values.to, 'to'),
      certainty: certainty as Certainty | undefined,
      reportId: values.report ? resolveOne(store, values.report as string) : undefined,
      limit: intOption(values.limit, 'limit', 50),
      offset: intOption(values.offset, 'offset', 0),
    };
    const rows = store.events.list(filter);
    if (values.json) writeJsonLines(io, rows.map(flatten));
    else {
      writeTable(
        io,
        ['id', 'date', 'type', 'sub-type', 'country', 'place', 'certainty', 'actors'],
        rows.map((s) => [
          `${s.reportId.slice(0, 12)}:${s.idx}`,
          s.event.date?.start ?? '-',
          s.event.event_type,
          s.event.sub_event_type,
          s.event.location?.country ?? '-',
          s.event.location?.name ?? '-',
          s.event.certainty,
          [s.event.actor1?.name, s.event.actor2?.name].filter(Boolean).join(' vs ') || '-',
        ]),
      );
      const total = store.events.count(filter);
      if (total > rows.length) io.stdout.write(`(${rows.length} of ${total}; --limit/--offset for more)\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

async function show(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new CliError('usage: sitrep events show <report-id:index>');
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    const stored = store.events.get(positionals[0]!);
    if (!stored) throw new CliError(`no event '${positionals[0]}' (ids look like <report-id>:<index>)`, 1);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(flatten(stored))}\n`);
      return 0;
    }
    const e = stored.event;
    const lines = [
      `id          ${stored.id}`,
      `type        ${e.event_type} / ${e.sub_event_type}`,
      `date        ${e.date ? `${e.date.start}..${e.date.end} (${e.date.precision})` : '-'}`,
      `location    ${e.location ? `${e.location.name}, ${e.location.admin1 ?? '-'}, ${e.location.country ?? '-'} (${e.location.precision}) ${e.location.lat},${e.location.lon}` : '-'}`,
      `actor1      ${e.actor1 ? `${e.actor1.name} [${e.actor1.category}] "${e.actor1.text}"` : '-'}`,
      `actor2      ${e.actor2 ? `${e.actor2.name} [${e.actor2.category}] "${e.actor2.text}"` : '-'}`,
      `fatalities  ${range(e.fatalities)}   injured ${range(e.injured)}   captured ${range(e.captured)}`,
      `certainty   ${e.certainty}${e.attribution ? ` (attributed to ${e.attribution})` : ''}   confidence ${e.confidence}`,
      'evidence:',
      ...e.evidence.map((v) => `  [${v.start}-${v.end}] ${v.text}`),
    ];
    if (e.reasons && e.reasons.length > 0) {
      lines.push(
        'reasons:',
        ...e.reasons.map((r) => `  ${r.field}: ${r.reason}${r.span ? ` [${r.span.start}-${r.span.end}]` : ''}`),
      );
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function range(c: { low: number; high: number | null } | null): string {
  if (!c) return '-';
  if (c.high === null) return `${c.low}+`;
  return c.low === c.high ? String(c.low) : `${c.low}-${c.high}`;
}

function flatten(s: StoredEvent): Record<string, unknown> {
  return { id: s.id, report_id: s.reportId, idx: s.idx, ...s.event };
}
