/** Opening the gazetteer: build once into the cache dir, reuse while the sources' version is unchanged. */
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type BuildStats, buildIndexData, INDEX_FILE, sourcesVersion } from './gazetteer-build.js';
import { GazetteerIndex, INDEX_MAGIC, writeIndex } from './gazetteer-index.js';
import { gazetteerDir } from './paths.js';

/** Reads only the version out of an index file's header (no full load). */
function indexVersion(path: string): string | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    if (readSync(fd, head, 0, 8, 0) < 8 || head.toString('latin1', 0, 4) !== INDEX_MAGIC) return null;
    const len = head.readUInt32LE(4);
    const header = Buffer.alloc(len);
    readSync(fd, header, 0, len, 8);
    return (JSON.parse(header.toString('utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Builds the index into `dir` (atomically) and returns what was built. */
export function buildGazetteer(dir?: string): BuildStats & { path: string; version: string } {
  const d = gazetteerDir(dir);
  mkdirSync(d, { recursive: true });
  const version = sourcesVersion(d);
  const { data, stats } = buildIndexData(d, version);
  const path = join(d, INDEX_FILE);
  writeIndex(path, data);
  return { ...stats, path, version };
}

/** Opens the index in `dir`, building it first when it is missing or was built from other sources. */
export function openGazetteer(dir?: string): GazetteerIndex {
  const d = gazetteerDir(dir);
  const path = join(d, INDEX_FILE);
  if (indexVersion(path) !== sourcesVersion(d)) {
    try {
      buildGazetteer(d);
    } catch (error) {
      // A read-only install (global npm prefix) cannot hold the default cache: use the user's cache dir instead.
      const code = (error as NodeJS.ErrnoException).code;
      if (
        dir !== undefined ||
        process.env.SITREP_GAZETTEER_DIR ||
        (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM')
      ) {
        throw error;
      }
      return openGazetteer(join(homedir(), '.cache', 'sitrep', 'gazetteer'));
    }
  }
  return GazetteerIndex.read(path);
}
