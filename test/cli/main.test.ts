import { describe, expect, it } from 'vitest';
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
});
