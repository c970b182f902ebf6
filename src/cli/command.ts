/** The contract every `sitrep` sub-command implements. */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Environment variables (SITREP_DB, …). */
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean;
}

export interface Command {
  /** First word(s) after `sitrep`, e.g. "ingest" or "reports". */
  name: string;
  /** Full help text for `sitrep NAME --help`. */
  help: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 some inputs failed, 2 usage error). */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** An expected failure: printed as one line (`sitrep: message`), without a stack trace unless --debug. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Default database path: --db, then SITREP_DB, then ./sitrep.db. */
export function dbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.SITREP_DB ?? 'sitrep.db';
}
