/** Option parsing shared by the CLI commands. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './command.js';

/** node:util parseArgs, with a bad option reported as a CliError (one line on stderr, exit 2) instead of a crash. */
export function parseArgv<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}
