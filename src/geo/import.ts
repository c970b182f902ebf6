/**
 * `sitrep gazetteer import FILE`: adds places to the gazetteer, persistently, from
 *  - GeoNames dumps: allCountries / a country file (SY.txt) / cities*.txt, plain or .zip;
 *  - GeoNames alternateNamesV2 (plain or .zip): language-tagged names for places the index already holds;
 *  - an ACLED-style CSV (location, admin1–3, latitude, longitude, country);
 *  - a simple CSV: name,lat,lon,country[,admin1,aliases] (aliases separated by | or ;), header optional.
 * Files are streamed line by line; the result is a normalized TSV in <gazetteer dir>/imports named after the input
 * (importing the same file again replaces it: idempotent), written to a temp file and renamed. The index is rebuilt
 * afterwards so the parser sees the new places at the next load.
 */
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { IMPORT_COLUMNS, IMPORTS_DIR, type ImportRow } from './gazetteer-build.js';
import { parseAlternateNameLine, parseGeoNamesLine } from './geonames.js';
import { gazetteerDir } from './paths.js';

export type ImportFormat = 'geonames' | 'alternate-names' | 'acled-csv' | 'simple-csv';

export interface ImportResult {
  file: string;
  format: ImportFormat;
  places: number;
  aliases: number;
  skipped: number;
  output: string;
}

export interface ImportOptions {
  dir?: string;
  /** Called every 100,000 input rows. */
  onProgress?: (rows: number) => void;
}

/** GeoNames feature classes kept from full dumps: areas, places, hydrography, spots (bases, crossings), terrain. */
const KEPT_CLASSES = new Set(['A', 'P', 'H', 'S', 'T', 'L']);

// ───────────────────────────── zip reading (central directory + raw inflate) ─────────────────────────────

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Lists a zip's entries from its central directory (ZIP64 sizes and offsets included). */
export function listZip(path: string): ZipEntry[] {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) {
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw new Error('ZIP64 locator missing');
      const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
      const record = readAt(fd, recordOffset, 56);
      if (record.readUInt32LE(0) !== 0x06064b50) throw new Error('ZIP64 end record missing');
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      // ZIP64 extra field: 8-byte values for the fields that hold 0xFFFFFFFF, in this order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      entries.push({ name, method, compressedSize, localHeaderOffset });
      p = extraEnd + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** A stream of one zip entry's uncompressed bytes (stored or deflated). */
export function openZipEntry(path: string, entry: ZipEntry): Readable {
  const fd = openSync(path, 'r');
  let header: Buffer;
  try {
    header = readAt(fd, entry.localHeaderOffset, 30);
  } finally {
    closeSync(fd);
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`corrupt zip local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new Error(`${entry.name}: unsupported zip compression method ${entry.method}`);
  return raw.pipe(createInflateRaw());
}

// ───────────────────────────── format detection and row conversion ─────────────────────────────

function sniff(firstLine: string, fileName: string): ImportFormat {
  const cells = firstLine.split('\t');
  if (cells.length === 19 && /^\d+$/.test(cells[0] ?? '')) return 'geonames';
  if (cells.length >= 4 && cells.length <= 10 && /^\d+$/.test(cells[0] ?? '') && /^\d+$/.test(cells[1] ?? '')) {
    return 'alternate-names';
  }
  const lower = firstLine.toLowerCase();
  if (/\blatitude\b/.test(lower) && /\blongitude\b/.test(lower) && /\blocation\b/.test(lower)) return 'acled-csv';
  if (fileName.toLowerCase().endsWith('.csv') || firstLine.includes(',')) return 'simple-csv';
  throw new Error('unknown format (expected a GeoNames dump, alternateNames, an ACLED CSV or name,lat,lon,country)');
}

function rowLine(r: Partial<ImportRow>): string {
  return `${IMPORT_COLUMNS.map((c) => (r[c] ?? '').replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
}

let countryLookup: ((name: string) => string | null) | null = null;

/** Country name or code → ISO alpha-2 (ACLED writes names: "Syria", "Democratic Republic of Congo"). */
async function countryCode(name: string): Promise<string | null> {
  if (!countryLookup) {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const countries = require('i18n-iso-countries') as {
      getAlpha2Code(name: string, lang: string): string | undefined;
      registerLocale?(locale: unknown): void;
    };
    countries.registerLocale?.(require('i18n-iso-countries/langs/en.json'));
    const world = require('world-countries') as {
      cca2: string;
      name: { common: string; official: string };
      altSpellings: string[];
    }[];
    const byName = new Map<string, string>();
    for (const c of world) {
      for (const n of [c.name.common, c.name.official, ...c.altSpellings]) byName.set(n.toLowerCase(), c.cca2);
    }
    countryLookup = (n: string) => {
      const t = n.trim();
      if (/^[A-Z]{2}$/.test(t)) return t;
      return byName.get(t.toLowerCase()) ?? countries.getAlpha2Code(t, 'en') ?? null;
    };
  }
  return countryLookup(name);
}

async function* lines(input: Readable): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) yield line;
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** Imports one file (see the module comment) and returns what it stored. */
export async function importGazetteerFile(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  statSync(file); // a clear ENOENT before anything is written
  const dir = join(gazetteerDir(opts.dir), IMPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const base = basename(file)
    .replace(/\.(zip|txt|tsv|csv)$/i, '')
    .replace(/[^\w.-]+/g, '_');

  // The streams to read: every .txt of a zip except GeoNames' readme and code lists, or the file itself.
  const sources: { name: string; open: () => Readable }[] = [];
  if (/\.zip$/i.test(file)) {
    for (const e of listZip(file)) {
      if (e.name.endsWith('/') || /readme|iso-languagecodes|featurecodes/i.test(e.name)) continue;
      if (!/\.(txt|tsv|csv)$/i.test(e.name)) continue;
      sources.push({ name: e.name, open: () => openZipEntry(file, e) });
    }
    if (sources.length === 0) throw new Error('the zip holds no .txt/.tsv/.csv file');
  } else {
    sources.push({ name: basename(file), open: () => createReadStream(file) });
  }

  let format: ImportFormat | null = null;
  let places = 0;
  let aliases = 0;
  let skipped = 0;
  let rows = 0;
  const tick = () => {
    rows++;
    if (rows % 100_000 === 0) opts.onProgress?.(rows);
  };
  const placesOut = join(dir, `${base}.places.tsv`);
  const aliasesOut = join(dir, `${base}.aliases.tsv`);
  const tmpPlaces = `${placesOut}.${process.pid}.tmp`;
  const tmpAliases = `${aliasesOut}.${process.pid}.tmp`;
  const pOut = createWriteStream(tmpPlaces);
  const aOut = createWriteStream(tmpAliases);
  try {
    for (const src of sources) {
      const input = src.open();
      let srcFormat: ImportFormat | null = null;
      let csv: ReturnType<typeof parseCsv> | null = null;
      let csvDone: Promise<void> | null = null;
      const seen = new Set<string>();
      for await (const line of lines(input)) {
        if (srcFormat === null) {
          if (!line.trim() || line.startsWith('#')) continue;
          srcFormat = sniff(line.replace(/^\uFEFF/, ''), src.name);
          format ??= srcFormat;
          if (srcFormat === 'acled-csv' || srcFormat === 'simple-csv') {
            const header = srcFormat === 'acled-csv' || /\blat/i.test(line);
            csv = parseCsv({
              columns: header ? (h: string[]) => h.map((x) => x.trim().toLowerCase()) : false,
              relax_column_count: true,
              bom: true,
              skip_empty_lines: true,
            });
            const parser = csv;
            const kind = srcFormat;
            csvDone = (async () => {
              for await (const rec of parser as AsyncIterable<Record<string, string> | string[]>) {
                tick();
                const r = await csvRow(kind, rec, seen);
                if (r) {
                  places++;
                  await write(pOut, rowLine(r));
                } else skipped++;
              }
            })();
          }
        }
        if (csv) {
          if (!csv.write(`${line}\n`)) await once(csv, 'drain');
          continue;
        }
        tick();
        if (srcFormat === 'geonames') {
          const r = parseGeoNamesLine(line);
          if (!r || !KEPT_CLASSES.has(r.featureClass) || !Number.isFinite(Number(r.latitude))) {
            skipped++;
            continue;
          }
          places++;
          await write(
            pOut,
            rowLine({
              geonameid: r.geonameid,
              name: r.name,
              lat: r.latitude,
              lon: r.longitude,
              featureClass: r.featureClass,
              featureCode: r.featureCode,
              country: r.countryCode,
              admin1Code: r.admin1Code,
              admin2Code: r.admin2Code,
              population: r.population,
              aliases: [r.asciiname, ...(r.alternatenames ? r.alternatenames.split(',') : [])].join('|'),
            }),
          );
        } else if (srcFormat === 'alternate-names') {
          const r = parseAlternateNameLine(line);
          // Links, postal codes, airport codes and other non-names are skipped.
          if (!r || /^(link|post|iata|icao|faac|tcid|unlc|abbr|wkdt)$/.test(r.isolanguage) || r.isHistoric === '1') {
            skipped++;
            continue;
          }
          aliases++;
          await write(aOut, `${r.geonameid}\t${r.alternateName.replace(/[\t\r\n]+/g, ' ')}\n`);
        }
      }
      if (csv && csvDone) {
        csv.end();
        await csvDone;
      }
    }
    pOut.end();
    aOut.end();
    await Promise.all([once(pOut, 'close'), once(aOut, 'close')]);
  } catch (error) {
    pOut.destroy();
    aOut.destroy();
    rmSync(tmpPlaces, { force: true });
    rmSync(tmpAliases, { force: true });
    throw error;
  }
  if (format === null) {
    rmSync(tmpPlaces, { force: true });
    rmSync(tmpAliases, { force: true });
    throw new Error('no data rows');
  }
  // Only the kinds of output the file produced are kept; an earlier import of the same name is replaced.
  if (places > 0) renameSync(tmpPlaces, placesOut);
  else rmSync(tmpPlaces, { force: true });
  if (aliases > 0) renameSync(tmpAliases, aliasesOut);
  else rmSync(tmpAliases, { force: true });
  return { file, format, places, aliases, skipped, output: places > 0 ? placesOut : aliasesOut };
}

const num = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? Number(s) : Number.NaN);

async function csvRow(
  kind: ImportFormat,
  rec: Record<string, string> | string[],
  seen: Set<string>,
): Promise<Partial<ImportRow> | null> {
  let name: string;
  let lat: number;
  let lon: number;
  let country: string | null;
  let admin1 = '';
  let admin2 = '';
  let aliases: string[] = [];
  if (kind === 'acled-csv') {
    const r = rec as Record<string, string>;
    name = (r.location ?? '').trim();
    lat = num(r.latitude);
    lon = num(r.longitude);
    country = await countryCode(r.iso3 ?? r.country ?? '');
    if (!country && r.country) country = await countryCode(r.country);
    admin1 = (r.admin1 ?? '').trim();
    admin2 = (r.admin2 ?? '').trim();
  } else {
    const cells = Array.isArray(rec)
      ? rec
      : [
          rec.name,
          rec.lat ?? rec.latitude,
          rec.lon ?? rec.lng ?? rec.longitude,
          rec.country,
          rec.admin1,
          rec.aliases,
        ].map((x) => x ?? '');
    name = (cells[0] ?? '').trim();
    lat = num(cells[1]);
    lon = num(cells[2]);
    country = cells[3] ? await countryCode(cells[3]) : null;
    admin1 = (cells[4] ?? '').trim();
    aliases = (cells[5] ?? '')
      .split(/[|;]/)
      .map((a) => a.trim())
      .filter(Boolean);
  }
  if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const key = `${name}|${admin1}|${lat.toFixed(4)}|${lon.toFixed(4)}`;
  if (seen.has(key)) return null;
  seen.add(key);
  return {
    name,
    lat: String(lat),
    lon: String(lon),
    featureClass: 'P',
    featureCode: 'PPL',
    country: country ?? '',
    aliases: aliases.join('|'),
    admin1Name: admin1,
    admin2Name: admin2,
  };
}
