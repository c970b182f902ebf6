import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(
  argv: string[],
  stdinText = '',
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const io: CliIo = { stdin, stdout, stderr, env, interactive: false };
  const code = await main(argv, io);
  return { code, out, err };
}
