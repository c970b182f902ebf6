/**
 * The compiled gazetteer: a columnar binary file read with one readFileSync. Entries are typed-array columns,
 * strings live in one blob with offsets, and folded names map to their entries through an open-addressing hash
 * table that is stored, not rebuilt, so loading costs a file read and two string decodes (≈ 100 ms for 260k
 * entries and 1.3M names) instead of parsing 200k JSON objects.
 *
 * Layout: "SGZ1" · uint32 header length · header JSON · sections, each 8-byte aligned, described in the header.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export const INDEX_MAGIC = 'SGZ1';

/** What an entry is: drives priors in ranking and the precision of a decision. */
export const EntryKind = { place: 0, admin2: 1, admin1: 2, country: 3, region: 4, continent: 5 } as const;
export type EntryKindCode = (typeof EntryKind)[keyof typeof EntryKind];

/** How a name reaches an entry. */
export const NameKind = { primary: 0, alternate: 1, demonym: 2, abbreviation: 3 } as const;
export type NameKindCode = (typeof NameKind)[keyof typeof NameKind];

export interface IndexColumns {
  lat: Float32Array;
  lon: Float32Array;
  population: Float32Array;
  geonameid: Int32Array;
  feature: Uint16Array;
  country: Uint16Array;
  name: Uint32Array;
  admin1Code: Uint32Array;
  admin1Name: Uint32Array;
  admin2Name: Uint32Array;
  kind: Uint8Array;
}

/** Everything needed to write an index; produced by the builder. */
export interface IndexData extends IndexColumns {
  version: string;
  features: string[];
  countries: string[];
  strings: string[];
  /** folded key → postings (entry << 2 | NameKind) */
  keys: Map<string, number | number[]>;
  /** Small lists the recognizer needs at run time (demonyms and country names for actor patterns). */
  meta: IndexMeta;
}

export interface IndexMeta {
  demonyms: string[];
  countryNames: string[];
}

/** FNV-1a over UTF-16 code units: the same function at build and lookup time. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Section = { name: string; type: string; offset: number; length: number };

function joinBlob(parts: string[]): { blob: Buffer; offsets: Uint32Array } {
  const offsets = new Uint32Array(parts.length + 1);
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    offsets[i] = n;
    n += (parts[i] as string).length;
  }
  offsets[parts.length] = n;
  return { blob: Buffer.from(parts.join(''), 'utf8'), offsets };
}

/** Writes the index to `path` through a temporary file and an atomic rename (parallel builders may race). */
export function writeIndex(path: string, data: IndexData): void {
  const keyList = [...data.keys.keys()];
  const keys = joinBlob(keyList);
  const strings = joinBlob(data.strings);
  const postOff = new Uint32Array(keyList.length + 1);
  let total = 0;
  for (let i = 0; i < keyList.length; i++) {
    postOff[i] = total;
    const v = data.keys.get(keyList[i] as string) as number | number[];
    total += typeof v === 'number' ? 1 : v.length;
  }
  postOff[keyList.length] = total;
  const post = new Uint32Array(total);
  for (let i = 0; i < keyList.length; i++) {
    const v = data.keys.get(keyList[i] as string) as number | number[];
    if (typeof v === 'number') post[postOff[i] as number] = v;
    else post.set(v, postOff[i]);
  }
  let size = 1;
  while (size < keyList.length * 2) size <<= 1;
  const slots = new Uint32Array(size);
  for (let i = 0; i < keyList.length; i++) {
    let s = hashKey(keyList[i] as string) & (size - 1);
    while (slots[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = i + 1;
  }
  const arrays: [string, string, ArrayBufferView][] = [
    ['lat', 'f32', data.lat],
    ['lon', 'f32', data.lon],
    ['population', 'f32', data.population],
    ['geonameid', 'i32', data.geonameid],
    ['feature', 'u16', data.feature],
    ['country', 'u16', data.country],
    ['name', 'u32', data.name],
    ['admin1Code', 'u32', data.admin1Code],
    ['admin1Name', 'u32', data.admin1Name],
    ['admin2Name', 'u32', data.admin2Name],
    ['kind', 'u8', data.kind],
    ['strOff', 'u32', strings.offsets],
    ['strBlob', 'u8', strings.blob],
    ['keyOff', 'u32', keys.offsets],
    ['keyBlob', 'u8', keys.blob],
    ['postOff', 'u32', postOff],
    ['post', 'u32', post],
    ['slots', 'u32', slots],
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, type, arr] of arrays) {
    sections.push({ name, type, offset, length: arr.byteLength });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const header = Buffer.from(
    JSON.stringify({
      version: data.version,
      entries: data.lat.length,
      keys: keyList.length,
      features: data.features,
      countries: data.countries,
      meta: data.meta,
      sections,
    }),
  );
  const prefix = Buffer.alloc(8 + Math.ceil(header.length / 8) * 8);
  prefix.write(INDEX_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 4);
  header.copy(prefix, 8);
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, prefix);
    const pad = Buffer.alloc(8);
    for (const [, , arr] of arrays) {
      const bytes = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
      writeSync(fd, bytes);
      const rest = (8 - (bytes.length % 8)) % 8;
      if (rest) writeSync(fd, pad, 0, rest);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** A loaded index: typed-array views over one Buffer, plus the two decoded blobs. */
export class GazetteerIndex implements IndexColumns {
  readonly version: string;
  readonly size: number;
  readonly keyCount: number;
  readonly features: string[];
  readonly countries: string[];
  readonly meta: IndexMeta;
  lat!: Float32Array;
  lon!: Float32Array;
  population!: Float32Array;
  geonameid!: Int32Array;
  feature!: Uint16Array;
  country!: Uint16Array;
  name!: Uint32Array;
  admin1Code!: Uint32Array;
  admin1Name!: Uint32Array;
  admin2Name!: Uint32Array;
  kind!: Uint8Array;
  private strOff!: Uint32Array;
  private keyOff!: Uint32Array;
  private postOff!: Uint32Array;
  private post!: Uint32Array;
  private slots!: Uint32Array;
  private readonly stringBlob: string;
  private readonly keyBlob: string;
  /**
   * Strings already cut from the blob, by number. The table is interned (one number per distinct string), and the
   * parser asks for the same few (admin-1 codes, names) again and again: a cached string is one array read instead
   * of a slice, and it keeps the hash that Map lookups computed for it.
   */
  private readonly strCache: (string | null)[] = [];

  private constructor(buf: Buffer) {
    if (buf.toString('latin1', 0, 4) !== INDEX_MAGIC) throw new Error('not a sitrep gazetteer index');
    const headerLength = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as {
      version: string;
      entries: number;
      keys: number;
      features: string[];
      countries: string[];
      meta: IndexMeta;
      sections: Section[];
    };
    this.meta = header.meta;
    this.version = header.version;
    this.size = header.entries;
    this.keyCount = header.keys;
    this.features = header.features;
    this.countries = header.countries;
    const base = buf.byteOffset + 8 + Math.ceil(headerLength / 8) * 8;
    // The Buffer from readFileSync may not start 8-byte aligned in its ArrayBuffer: copy once if it does not.
    let ab = buf.buffer;
    let start = base;
    if (base % 8 !== 0) {
      const copy = new Uint8Array(buf.length - (8 + Math.ceil(headerLength / 8) * 8));
      copy.set(buf.subarray(8 + Math.ceil(headerLength / 8) * 8));
      ab = copy.buffer;
      start = 0;
    }
    const blobs: Record<string, string> = {};
    const self = this as unknown as Record<string, ArrayBufferView>;
    for (const s of header.sections) {
      const o = start + s.offset;
      if (s.name === 'strBlob' || s.name === 'keyBlob') {
        blobs[s.name] = new TextDecoder().decode(new Uint8Array(ab, o, s.length));
        continue;
      }
      const view =
        s.type === 'f32'
          ? new Float32Array(ab, o, s.length / 4)
          : s.type === 'i32'
            ? new Int32Array(ab, o, s.length / 4)
            : s.type === 'u32'
              ? new Uint32Array(ab, o, s.length / 4)
              : s.type === 'u16'
                ? new Uint16Array(ab, o, s.length / 2)
                : new Uint8Array(ab, o, s.length);
      self[s.name] = view;
    }
    this.stringBlob = blobs.strBlob ?? '';
    this.keyBlob = blobs.keyBlob ?? '';
    // Filled with push, not new Array(n): a preallocated array this long would be a slow dictionary.
    for (let i = 0; i + 1 < this.strOff.length; i++) this.strCache.push(null);
  }

  static read(path: string): GazetteerIndex {
    return new GazetteerIndex(readFileSync(path));
  }

  /** How many strings the table holds: every string number is below it. */
  get stringCount(): number {
    return this.strOff.length - 1;
  }

  /** String i of the string table ('' for 0). */
  str(i: number): string {
    let s = this.strCache[i];
    if (s == null) {
      s = this.stringBlob.slice(this.strOff[i], this.strOff[i + 1]);
      if (i < this.strCache.length) this.strCache[i] = s;
    }
    return s;
  }

  /** Postings for a folded key: (entry << 2 | NameKind) values, or an empty array. */
  lookupKey(key: string): Uint32Array {
    const i = this.keyIndex(key);
    return i < 0 ? EMPTY : this.post.subarray(this.postOff[i], this.postOff[i + 1]);
  }

  /** Whether the key is a name or the word prefix of a name ("ras al" of "ras al ain"). */
  hasKey(key: string): boolean {
    return this.keyIndex(key) >= 0;
  }

  /** Postings of key number i (from keyIndex). */
  postingsAt(i: number): Uint32Array {
    return this.post.subarray(this.postOff[i], this.postOff[i + 1]);
  }

  /** The key's number in the table (names and word prefixes), or -1. */
  keyIndex(key: string): number {
    const mask = this.slots.length - 1;
    let s = hashKey(key) & mask;
    for (;;) {
      const k = this.slots[s] as number;
      if (k === 0) return -1;
      const i = k - 1;
      const a = this.keyOff[i] as number;
      const b = this.keyOff[i + 1] as number;
      if (b - a === key.length && this.keyBlob.startsWith(key, a)) return i;
      s = (s + 1) & mask;
    }
  }
}

const EMPTY = new Uint32Array(0);
