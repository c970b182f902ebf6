/** Starting the workbench server: builds its dependencies from an open store and listens on a port. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAuditRepo } from '../store/sqlite/audit-repo.js';
import type { SqliteDb } from '../store/sqlite/database.js';
import { createUsersRepo } from '../store/sqlite/users-repo.js';
import { createWorkbenchRepo } from '../store/sqlite/workbench-repo.js';
import type { Store } from '../store/store.js';
import { createRequestHandler, type ServerDeps } from './app.js';
import { createWorkbenchData, type IncidentSource, type IngestPort } from './data.js';
import { incrementalReadModel, isStoredIncidentSource } from './read-model.js';
import { createReportSearchService } from './search/pool.js';

export const VERSION = '0.1.0';

export interface WorkbenchOptions {
  db: SqliteDb;
  store: Pick<Store, 'reports' | 'events'> | null;
  incidents: IncidentSource | null;
  ingest: IngestPort | null;
  /** Report-search worker threads (default: defaultSearchWorkers(); 0 = search on the server's thread). */
  searchWorkers?: number;
  /** Built web app; default dist/web next to this build, when it exists. */
  webRoot?: string | null;
  secureCookies?: boolean;
  log?: (line: string) => void;
}

/** dist/web, found relative to this file both from src/ (tsx, vitest) and from dist/ (the built CLI). */
export function defaultWebRoot(): string | null {
  const candidates = [new URL('../web/', import.meta.url), new URL('../../dist/web/', import.meta.url)];
  for (const c of candidates) {
    const path = fileURLToPath(c);
    if (existsSync(`${path}index.html`)) return path;
  }
  return null;
}

export function buildDeps(options: WorkbenchOptions): ServerDeps {
  const users = createUsersRepo(options.db);
  const audit = createAuditRepo(options.db);
  const workbench = createWorkbenchRepo(options.db);
  // Incidents from the store's incidents table: refreshes project only what changed (src/server/read-model.ts).
  // Any other source (tests' in-memory incidents) is re-projected whole at each refresh.
  const incremental = isStoredIncidentSource(options.incidents)
    ? incrementalReadModel(workbench, options.incidents)
    : null;
  const data = createWorkbenchData(incremental?.repo ?? workbench, {
    store: options.store,
    incidents: incremental?.incidents ?? options.incidents,
    ingest: options.ingest,
  });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    db: options.db,
    users,
    audit,
    data,
    search: options.store ? createReportSearchService(options.db, { workers: options.searchWorkers, log }) : undefined,
    webRoot: options.webRoot === undefined ? defaultWebRoot() : options.webRoot,
    secureCookies: options.secureCookies ?? false,
    log,
    version: VERSION,
  };
}

export interface RunningServer {
  server: Server;
  url: string;
  deps: ServerDeps;
  close(): Promise<void>;
}

export async function listen(deps: ServerDeps, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server = createServer(
    // Slow-loris guard: a request must arrive whole within 60 s, headers within 10 s.
    { requestTimeout: 60_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    createRequestHandler(deps),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    deps,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        void deps.search?.close();
      }),
  };
}
