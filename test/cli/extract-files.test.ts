// `sitrep extract FILE…` reads files other than eval JSON Lines through the ingest readers, as `sitrep ingest` does:
// HTML pages by Readability (clean text, title and date from meta tags), .txt with its `date` line, directories.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Our own page: navigation, an advert and a footer around a two-paragraph article; the date only in the meta tags.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Gunmen attack village market | Northern Ledger</title>
<meta property="og:title" content="Gunmen attack village market">
<meta property="og:site_name" content="Northern Ledger">
<meta property="article:published_time" content="2023-06-12T08:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/paris">Paris bureau</a> <a href="/sport">Sport</a></nav>
<div class="advert">Advertisement: holidays in Lisbon from 99 euros</div>
<article>
<h1>Gunmen attack village market</h1>
<p>Gunmen on motorcycles killed four traders at a weekly market near Maiduguri on Sunday, a local official said,
adding that several stalls were set on fire before the attackers fled into the bush.</p>
<p>Residents said the attackers arrived shortly after noon and fired into the crowd. Police said an investigation had
been opened and that patrols would be stepped up on roads leading to the market.</p>
</article>
<footer>© 2023 Northern Ledger. Newsletter sign-up: Paris, London, Lisbon.</footer>
</body></html>
`;

describe('sitrep extract FILE (ingest readers)', () => {
  it('reads an HTML page as its clean main text, with the date from its meta tags', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-extract-html-'));
    const file = path.join(dir, 'market-attack.html');
    writeFileSync(file, PAGE);
    const { code, out, err } = await runCli(['extract', file, '--trace']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const ex = JSON.parse(out);
    expect(ex).toMatchObject({ id: 'market-attack', language: 'en', published: '2023-06-12' });
    // Boilerplate is gone: no place from the navigation, advert or footer, no markup in any evidence.
    const placeNames = ex.places.map((p: { text: string }) => p.text);
    expect(placeNames).toContain('Maiduguri');
    expect(placeNames).not.toContain('Paris');
    expect(placeNames).not.toContain('Lisbon');
    expect(ex.events.length).toBeGreaterThan(0);
    const main = ex.events.reduce((a: { confidence: number }, b: { confidence: number }) =>
      b.confidence > a.confidence ? b : a,
    );
    expect(main.event_type).toBe('Violence against civilians');
    expect(main.fatalities).toMatchObject({ low: 4 });
    for (const e of ex.events) for (const ev of e.evidence) expect(ev.text).not.toMatch(/[<>]|Advertisement/);
  }, 180_000);

  it('reads a .txt report with its date line and a directory of reports, naming each by its file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-extract-dir-'));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(
      path.join(dir, 'in', 'a-clash.txt'),
      'date 2022-02-03\nArmy units clashed with rebel fighters near Goma on Wednesday, killing three, a military source said.\n',
    );
    writeFileSync(path.join(dir, 'in', 'b-page.html'), PAGE);
    writeFileSync(path.join(dir, 'in', 'c-empty.txt'), '');
    const { code, out, err } = await runCli(['extract', path.join(dir, 'in')]);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.id, r.published])).toEqual([
      ['a-clash', '2022-02-03'],
      ['b-page', '2023-06-12'],
    ]);
    // The date line is not part of the text the spans refer to.
    expect(rows[0].places.find((p: { text: string }) => p.text === 'Goma')?.start).toBe(
      'Army units clashed with rebel fighters near '.length,
    );
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([`sitrep extract: ${path.join(dir, 'in', 'c-empty.txt')}: empty file`]);
  }, 180_000);
});
