/**
 * `gazetteer import`: GeoNames dump rows (plain and zipped), a simple CSV and an ACLED-style CSV become places the
 * parser finds. Each test builds its own gazetteer in a temp dir (one full build, ≈ 10 s).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGazetteerFile, listZip } from '../../src/geo/import.js';
import { loadGeoparser } from '../../src/geo/index.js';
import { runCli } from '../helpers/cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'geo');
let dir: string;

/** A one-entry zip (deflated), written the way zip tools do: local header, data, central directory, end record. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('gazetteer import', () => {
  it('imports a zipped GeoNames country file, skipping classes it does not keep', async () => {
    const zip = join(dir, 'SY.zip');
    writeFileSync(zip, zipOf('SY.txt', readFileSync(join(fixtures, 'SY-villages.txt'))));
    expect(listZip(zip).map((e) => e.name)).toEqual(['SY.txt']);
    const r = await importGazetteerFile(zip, { dir });
    expect(r).toMatchObject({ format: 'geonames', places: 3, skipped: 1 });
  });

  it('imports the simple CSV and the ACLED-style CSV (duplicates and rows without coordinates skipped)', async () => {
    const simple = await importGazetteerFile(join(fixtures, 'analyst-places.csv'), { dir });
    expect(simple).toMatchObject({ format: 'simple-csv', places: 2 });
    const acled = await importGazetteerFile(join(fixtures, 'acled-style.csv'), { dir });
    expect(acled).toMatchObject({ format: 'acled-csv', places: 1, skipped: 2 });
  });

  it('imports language-tagged names from an alternateNames file, skipping links and historic names', async () => {
    const r = await importGazetteerFile(join(fixtures, 'alternateNamesV2-sample.txt'), { dir });
    expect(r).toMatchObject({ format: 'alternate-names', places: 0, aliases: 1, skipped: 2 });
  });

  it('is idempotent: importing the same file again replaces its rows', async () => {
    const again = await importGazetteerFile(join(fixtures, 'analyst-places.csv'), { dir });
    expect(again.places).toBe(2);
    const stored = readFileSync(again.output, 'utf8').trim().split('\n');
    expect(stored).toHaveLength(2);
  });

  it('the parser finds imported villages, in their admin-1, under any spelling', async () => {
    const geo = await loadGeoparser({ dir });
    const r = geo.parse('Clashes erupted near Tell el-Hawa, northwest of Tal Tamr, and in Khirbat Fictiva.');
    const hawa = r.places.find((p) => p.text === 'Tell el-Hawa');
    expect(hawa).toMatchObject({ geonameid: 99000001, country: 'SY', admin1: 'Al-Hasakah' });
    expect(r.decisions[r.places.indexOf(hawa as never)]?.precision).toBe('near');
    expect(r.places.find((p) => p.text === 'Khirbat Fictiva')).toMatchObject({ country: 'SY', admin1: 'Idlib' });
    expect(geo.lookup('Dayr Fictiva')[0]).toMatchObject({ country: 'SY', admin1: 'Al-Hasakah' });
    expect(geo.lookup('Girê Hewa Fictiva')[0]).toMatchObject({ geonameid: 99000001 });
    expect(geo.lookup('Tel Hava Fictiva')).toEqual([]);
  }, 120_000);

  it('reports a missing file and an unknown format as one clear error', async () => {
    await expect(importGazetteerFile(join(dir, 'nope.txt'), { dir })).rejects.toThrow(/ENOENT|no such file/);
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'just some words\n');
    await expect(importGazetteerFile(junk, { dir })).rejects.toThrow(/unknown format/);
  });
});

describe('sitrep gazetteer', () => {
  it('lookup prints candidates with scores, import reports failures per file and continues', async () => {
    const look = await runCli(['gazetteer', 'lookup', 'Tal al-Hawa', '--dir', dir, '--json']);
    expect(look.code).toBe(0);
    expect(JSON.parse(look.out).candidates[0]).toMatchObject({ name: 'Tal al-Hawa', geonameid: 99000001 });
    const imp = await runCli([
      'gazetteer',
      'import',
      join(dir, 'missing.csv'),
      join(fixtures, 'analyst-places.csv'),
      '--dir',
      dir,
      '--no-build',
    ]);
    expect(imp.code).toBe(1);
    expect(imp.err).toMatch(/missing\.csv/);
    expect(imp.out).toMatch(/analyst-places\.csv: simple-csv, 2 places/);
    const bad = await runCli(['gazetteer', 'frobnicate', '--dir', dir]);
    expect(bad.code).toBe(2);
  }, 120_000);
});
