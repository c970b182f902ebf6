/** Serves the built web app (dist/web): hashed assets cached for a year, every other path falls back to index.html. */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HttpError } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function createStaticHandler(root: string) {
  // resolve() drops a trailing slash, so the containment check below works for 'dist/web' and 'dist/web/' alike.
  const base = resolve(root);
  const cache = new Map<string, Buffer>();

  function load(file: string): Buffer | null {
    const hit = cache.get(file);
    if (hit) return hit;
    try {
      if (!statSync(file).isFile()) return null;
    } catch {
      return null;
    }
    const bytes = readFileSync(file);
    cache.set(file, bytes);
    return bytes;
  }

  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'bad_request', 'malformed path');
    }
    const file = normalize(join(base, decoded));
    if (file !== base && !file.startsWith(base + sep)) throw new HttpError(404, 'not_found', 'no such file');
    let target = decoded.endsWith('/') ? null : file;
    let bytes = target ? load(target) : null;
    if (!bytes) {
      // Client-side routes (/incidents/abc, /audit) have no extension: answer with the app shell.
      if (extname(decoded) && decoded !== '/') throw new HttpError(404, 'not_found', `no such file: ${decoded}`);
      target = join(base, 'index.html');
      bytes = load(target);
      if (!bytes) throw new HttpError(404, 'not_found', 'web app not built (npm run build)');
    }
    const immutable = decoded.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target ?? '')] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
}
