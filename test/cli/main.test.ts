import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { runCli } from '../helpers/cli.js';

describe('sitrep CLI', () => {
  it('prints usage with --help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: sitrep <command>');
  });

  it('rejects an unknown command with one line and exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain("unknown command 'frobnicate'");
  });

  it('lists every command with its summary, and each loads on demand with its own name and help', async () => {
    const r = await runCli(['--help']);
    for (const entry of commands) {
      expect(r.out).toMatch(new RegExp(`\\n  ${entry.name} +${entry.summary.replace(/[()/]/g, '\\$&')}\\n`));
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      const help = await runCli([entry.name, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`sitrep ${entry.name}`);
    }
    expect(commands.map((c) => c.name)).toEqual([
      'ingest',
      'reports',
      'events',
      'serve',
      'users',
      'incidents',
      'gazetteer',
      'extract',
    ]);
  });
});
