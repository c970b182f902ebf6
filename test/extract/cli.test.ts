// `sitrep extract`: one output line per input line, in order, even when nothing was found; a bad line is one
// stderr line naming the input and the reason, and the rest continue.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const lines = [
  JSON.stringify({ id: 'a', text: 'On 9 May 2021, police dispersed protesters with tear gas in the capital.' }),
  'this is not json',
  JSON.stringify({ id: 'b', text: 'The weather was fine and nothing happened.' }),
  JSON.stringify({ id: 'c' }),
  JSON.stringify({ id: 'd', text: 'Gunmen killed two traders on Monday.', published: '2024-03-14' }),
].join('\n');

describe('sitrep extract', () => {
  it('prints the eval JSON for each good line, in order, and one stderr line per bad line', async () => {
    const { code, out, err } = await runCli(['extract'], `${lines}\n`);
    expect(code).toBe(1);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(Object.keys(rows[0]).sort()).toEqual(['events', 'id', 'language', 'places', 'published']);
    expect(rows[0].events[0].sub_event_type).toBe('Protest with intervention');
    expect(rows[1]).toMatchObject({ id: 'b', places: [], events: [] });
    expect(rows[2].events[0]).not.toHaveProperty('reasons');
    expect(err.trim().split('\n')).toEqual([
      'sitrep extract: stdin:2: not valid JSON',
      'sitrep extract: stdin:4: missing "text" (a string)',
    ]);
  }, 180_000);

  it('--format acled-csv prints a header and one row per event; --trace adds decisions', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-extract-'));
    const file = path.join(dir, 'in.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'd', text: 'Gunmen killed two traders on Monday.', published: '2024-03-14' })}\n`,
    );
    const csv = await runCli(['extract', '--input', file, '--format', 'acled-csv']);
    const [header, row] = csv.out.trim().split('\n');
    expect(header?.split(',').slice(0, 5)).toEqual([
      'event_id_cnty',
      'event_date',
      'time_precision',
      'event_type',
      'sub_event_type',
    ]);
    expect(row).toMatch(/^d-1,2024-03-11,1,Violence against civilians,Attack,/);
    const traced = await runCli(['extract', '--input', file, '--trace']);
    const ex = JSON.parse(traced.out);
    expect(ex.trace.some((t: { stage: string }) => t.stage === 'classify')).toBe(true);
    expect(ex.events[0].reasons.length).toBeGreaterThan(3);
  }, 180_000);

  it('rejects an unknown format as a usage error', async () => {
    const { code, err } = await runCli(['extract', '--format', 'xml'], '');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown --format 'xml'/);
  });
});
