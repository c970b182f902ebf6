/**
 * Reader for sitrep's commented data files (data/lexicons/*.txt, data/actors/*.txt): `#` starts a comment line,
 * blank lines are skipped, fields are separated by ` | `, and a field may hold several alternatives separated by
 * ` ; `. Every row keeps its file and line number so a bad entry is reported where it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LexiconRow {
  file: string;
  line: number;
  fields: string[];
}

/** The repository's data/ directory (works from src/ under tsx and from dist/ after the build). */
export function defaultDataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'data');
}

/** Reads one data file into rows; throws naming the file when it is missing. */
export function readLexiconFile(file: string, minFields: number): LexiconRow[] {
  const text = readFileSync(file, 'utf8');
  return parseLexicon(text, file, minFields);
}

export function parseLexicon(text: string, file: string, minFields: number): LexiconRow[] {
  const rows: LexiconRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    // ` | ` separates fields; regular expressions use `|` without spaces, so they are never split.
    const fields = raw.split(/\s\|\s/).map((f) => f.trim());
    if (fields.length < minFields) {
      throw new Error(`${file}:${i + 1}: expected ${minFields} fields separated by ' | ', got ${fields.length}`);
    }
    rows.push({ file, line: i + 1, fields });
  }
  return rows;
}

/** Splits an alternatives field (` ; `-separated) into its parts. */
export function alternatives(field: string): string[] {
  return field
    .split(/\s;\s/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Compiles a case-insensitive regular expression from a data file, naming the file and line when it is invalid. */
export function compilePattern(source: string, row: LexiconRow, flags = 'gi'): RegExp {
  try {
    // Word boundaries are added unless the pattern anchors itself (^) or starts/ends with a non-word character.
    const startsWord = /^[\w(\\]/.test(source) && !source.startsWith('^') && !source.startsWith('\\b');
    const body = startsWord ? `(?<![\\w-])(?:${source})` : `(?:${source})`;
    const endsWord = /[\w)?*+]$/.test(source);
    return new RegExp(endsWord ? `${body}(?![\\w])` : body, flags);
  } catch (error) {
    throw new Error(`${row.file}:${row.line}: invalid pattern: ${(error as Error).message}`);
  }
}
