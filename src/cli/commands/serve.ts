/** `sitrep serve`: the HTTP API and the analyst workbench on one origin. */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addUser } from '../../server/accounts.js';
import { buildDeps, listen } from '../../server/index.js';
import { openWorkbench, samplePaths } from '../../server/wiring.js';
import { CliError, type CliIo, type Command, dbPath } from '../command.js';

const HELP = `usage: sitrep serve [--port 8080] [--host 127.0.0.1] [--db FILE] [--secure-cookies] [--demo]

Serves the API (/api, described at /api/openapi.json) and the workbench (/) from one origin.
Create an account first: sitrep users add NAME --role analyst

options:
  --port N            TCP port (default 8080; 0 picks a free one)
  --host ADDR         interface to listen on (default 127.0.0.1; use 0.0.0.0 behind a TLS proxy)
  --db FILE           database (default $SITREP_DB or ./sitrep.db)
  --secure-cookies    mark the session cookie Secure (when served over HTTPS)
  --demo              first run: ingest the package's sample reports when the database is empty, and create an
                      'admin' account (printing its one-time password) when there is none
  --help              this text
`;

export const serveCommand: Command = {
  name: 'serve',
  help: HELP,
  async run(argv: string[], io: CliIo) {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        args: argv,
        strict: true,
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          db: { type: 'string' },
          'secure-cookies': { type: 'boolean' },
          demo: { type: 'boolean' },
        },
      }));
    } catch (error) {
      throw new CliError((error as Error).message.split('\n')[0]!);
    }
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port must be 0–65535, got '${values.port}'`);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const path = dbPath(values.db as string | undefined, io.env);
    const { store, options, codePending, ingestSamples } = openWorkbench(path, {
      secureCookies: Boolean(values['secure-cookies']),
      log: (line) => io.stderr.write(`${line}\n`),
    });
    if (values.demo) {
      const samples = fileURLToPath(new URL('../../../samples/', import.meta.url));
      const stored = await ingestSamples(samplePaths(samples));
      if (stored > 0) io.stderr.write(`sitrep serve: ingested ${stored} sample reports from ${samples}\n`);
    }
    const coded = await codePending();
    if (coded > 0) io.stderr.write(`sitrep serve: coded ${coded} stored reports that had no events yet\n`);
    const deps = buildDeps(options);
    const t0 = performance.now();
    const synced = deps.data.refresh();
    io.stderr.write(
      `sitrep serve: ${synced.total} incidents ready (${synced.written} updated) in ${Math.round(performance.now() - t0)} ms\n`,
    );
    if (deps.users.count() === 0 && values.demo) {
      const { password } = addUser(deps, 'admin', 'admin', 'serve --demo');
      io.stdout.write(`first run: log in as 'admin' with the one-time password ${password} (shown once)\n`);
    } else if (deps.users.count() === 0) {
      io.stderr.write('sitrep serve: no accounts yet: create one with `sitrep users add NAME --role admin`\n');
    }
    if (!deps.webRoot) io.stderr.write('sitrep serve: web app not built (npm run build): serving the API only\n');
    const running = await listen(deps, port, host);
    io.stdout.write(`sitrep workbench on ${running.url}/ (API ${running.url}/api/openapi.json)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    store.close();
    return 0;
  },
};
