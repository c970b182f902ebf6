/**
 * The registry of sub-commands, in the order `sitrep --help` lists them. Each command lives in its own file beside
 * this one and is imported only when it runs: `sitrep extract` never loads the web server, the store or the HTML
 * readers (importing every command cost ~0.15-0.2 s of each start-up).
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  /** First word after `sitrep`. */
  name: string;
  /** One line for `sitrep --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: 'ingest',
    summary: 'read reports (text, HTML, JSONL, CSV, RSS/Atom, stdin) into the store',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'reports',
    summary: 'list, show, search stored reports and their syndication families',
    load: async () => (await import('./reports.js')).reportsCommand,
  },
  {
    name: 'events',
    summary: 'list and show the events extracted from stored reports',
    load: async () => (await import('./events.js')).eventsCommand,
  },
  {
    name: 'serve',
    summary: 'serve the API and the analyst workbench (map, timeline, review, exports)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'users',
    summary: 'manage workbench accounts (one-time passwords, roles, API tokens)',
    load: async () => (await import('./users.js')).usersCommand,
  },
  {
    name: 'incidents',
    summary: 'incidents from many reports: list, show, rebuild, merge/split/move (analyst decisions)',
    load: async () => (await import('./incidents.js')).incidentsCommand,
  },
  {
    name: 'gazetteer',
    summary: 'build the place index, import GeoNames/ACLED/CSV places, look up a name',
    load: async () => (await import('./gazetteer.js')).gazetteerCommand,
  },
  {
    name: 'extract',
    summary: 'code reports into ACLED-style events with their evidence (JSON Lines, JSON or ACLED CSV)',
    load: async () => (await import('./extract.js')).extractCommand,
  },
];
