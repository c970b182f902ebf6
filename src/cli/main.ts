/** `sitrep` entry point: dispatches to a sub-command, turns failures into one line and an exit code. */
import { CliError, type CliIo } from '../cli/command.js';
import { commands } from './commands/index.js';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'sitrep: turn war reporting into verified, explainable incident data',
    '',
    'usage: sitrep <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'global options: --help (on every command), --json (machine-readable output), --db FILE (default $SITREP_DB or ./sitrep.db), --debug (stack traces)',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const name = args[0];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('sitrep 0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`sitrep: unknown command '${name}' (see sitrep --help)\n`);
    return 2;
  }
  const command = await entry.load();
  const rest = args.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`sitrep ${name}: ${message.split('\n')[0]}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
}
