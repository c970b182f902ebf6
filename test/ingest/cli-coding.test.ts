/** `sitrep ingest` codes what it ingests with the real event coder, unless --no-code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const REPORT = `date 2024-03-05
GOMA, March 5 — Fighters of the M23 rebel group clashed with the Congolese army near Sake on Monday,
killing at least four soldiers, a local official said.`;

describe('sitrep ingest with the coder', () => {
  it('stores the events of each report with it, and events list shows them', async () => {
    const file = join(dir, 'sake.txt');
    writeFileSync(file, REPORT);
    const db = join(dir, 'coded.db');
    const r = await runCli(['ingest', file, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stored 1 report .*, [1-9]\d* events?;/);
    const list = await runCli(['events', 'list', '--db', db, '--json']);
    const events = list.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.some((e) => e.event_type === 'Battles')).toBe(true);
  });

  it('stores reports only with --no-code', async () => {
    const file = join(dir, 'sake2.txt');
    writeFileSync(file, REPORT);
    const db = join(dir, 'uncoded.db');
    const r = await runCli(['ingest', file, '--db', db, '--no-code']);
    expect(r.code).toBe(0);
    const list = await runCli(['events', 'list', '--db', db, '--json']);
    expect(list.out.trim()).toBe('');
  });
});
