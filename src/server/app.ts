/** The request handler: security headers, routing, authentication, CSRF, validation, JSON errors, static web app. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { AuditRepo } from '../store/sqlite/audit-repo.js';
import type { SqliteDb } from '../store/sqlite/database.js';
import type { UsersRepo } from '../store/sqlite/users-repo.js';
import { checkCsrf, hasRole, resolveCaller } from './auth/session.js';
import type { WorkbenchData } from './data.js';
import {
  type AnyRoute,
  type Caller,
  compileRoutes,
  HttpError,
  matchRoute,
  readBody,
  sendError,
  sendJson,
  validationError,
} from './http.js';
import { buildOpenApi } from './openapi.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { dataRoutes } from './routes/data.js';
import { metaRoutes } from './routes/meta.js';
import { usersRoutes } from './routes/users.js';
import type { ReportSearchService } from './search/pool.js';
import { SECURITY_HEADERS } from './security.js';
import { createStaticHandler } from './static.js';

export interface ServerDeps {
  db: SqliteDb;
  users: UsersRepo;
  audit: AuditRepo;
  data: WorkbenchData;
  /** Full-text report search (worker threads on a store file); without it, searches go through `data`. */
  search?: ReportSearchService;
  /** Folder of the built web app (dist/web); null = API only. */
  webRoot: string | null;
  /** Adds `Secure` to the session cookie; on by default unless the server listens on loopback over plain HTTP. */
  secureCookies: boolean;
  /** One line per unexpected error (never sent to the client). */
  log: (line: string) => void;
  version: string;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createRoutes(deps: ServerDeps): AnyRoute[] {
  const routes: AnyRoute[] = [
    ...metaRoutes(deps, () => openapi),
    ...authRoutes(deps),
    ...usersRoutes(deps),
    ...auditRoutes(deps),
    ...dataRoutes(deps),
  ];
  const openapi = buildOpenApi(routes, deps.version);
  return routes;
}

export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = compileRoutes(createRoutes(deps));
  const serveStatic = deps.webRoot ? createStaticHandler(deps.webRoot) : null;

  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error, error.status === 413 ? { Connection: 'close' } : {});
        // After a refused oversized body, stop reading it: the client gets its 413 and the socket closes.
        if (error.status === 413) req.resume();
        return;
      }
      deps.log(
        `sitrep serve: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendError(res, new HttpError(500, 'internal', 'internal server error'));
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'bad_request', 'malformed request URL');
    }
    const pathname = url.pathname;
    if (!pathname.startsWith('/api/') && pathname !== '/api') {
      if (serveStatic && (method === 'GET' || method === 'HEAD')) return serveStatic(req, res, pathname);
      throw new HttpError(
        404,
        'not_found',
        serveStatic ? `no such page: ${pathname}` : 'web app not built (npm run build)',
      );
    }
    const found = matchRoute(routes, method, pathname);
    if (!found) throw new HttpError(404, 'not_found', `no such endpoint: ${method} ${pathname}`);
    if ('allowed' in found) {
      res.setHeader('Allow', found.allowed.join(', '));
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${pathname}`);
    }
    const def = found.route.def;

    const caller = resolveCaller(req, deps.users);
    authorize(def, caller);
    if (caller && UNSAFE.has(method)) checkCsrf(req, caller);

    const params = parseWith(def.params, found.params, 'params');
    const query = parseWith(def.query, queryObject(url.searchParams), 'query');
    let body: unknown;
    let raw: Buffer | null = null;
    const maxBody = def.maxBody ?? DEFAULT_MAX_BODY;
    if (def.raw) {
      raw = await readBody(req, maxBody);
    } else if (def.body) {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) {
        throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
      }
      const bytes = await readBody(req, maxBody);
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new HttpError(400, 'malformed_json', 'request body is not valid JSON');
      }
      body = parseWith(def.body, json, 'body');
    }

    const result = await def.handler({ req, res, params, query, body, caller, raw });
    if (res.writableEnded) return;
    if (result === undefined) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
    } else if ('json' in result) {
      sendJson(res, result.status ?? 200, result.json, result.headers);
    } else {
      res.writeHead(result.status ?? 200, {
        'Content-Type': result.contentType,
        'Content-Length': Buffer.byteLength(result.body),
        'Cache-Control': 'no-store',
        ...result.headers,
      });
      res.end(result.body);
    }
  }
}

function authorize(def: AnyRoute, caller: Caller | null): void {
  if (!def.role) return;
  if (!caller) throw new HttpError(401, 'unauthenticated', 'log in or send a bearer token');
  if (!hasRole(caller.user.role, def.role)) {
    throw new HttpError(403, 'forbidden', `this action needs the ${def.role} role (you are ${caller.user.role})`);
  }
  if (caller.user.mustChangePassword && !def.allowPendingPassword) {
    throw new HttpError(403, 'password_change_required', 'replace your one-time password first');
  }
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(where, parsed.error);
  return parsed.data;
}

/** First value of each key; repeated keys are not part of this API (lists are comma-separated). */
function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}
