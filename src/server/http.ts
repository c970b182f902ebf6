/**
 * A small HTTP layer on node:http: routes declared with zod schemas (the same schemas validate input and feed the
 * OpenAPI document), bounded body reading, JSON errors that never carry a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Role, User } from '../store/sqlite/users-repo.js';
import { escapeRegExp } from '../text/escape-regexp.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Stable machine-readable code, e.g. `not_found`, `validation_failed`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who is calling: resolved from the session cookie or a bearer token before the handler runs. */
export interface Caller {
  user: User;
  via: 'session' | 'token';
  csrfToken: string | null;
  sessionTokenHash: string | null;
}

export interface RequestContext<P = Record<string, string>, Q = unknown, B = unknown> {
  req: IncomingMessage;
  res: ServerResponse;
  params: P;
  query: Q;
  body: B;
  caller: Caller | null;
  /** Raw body for routes declared with `raw: true` (file uploads). */
  raw: Buffer | null;
}

/** What a handler returns: JSON (default), or a prepared response (CSV, files), or nothing (204). */
export type HandlerResult =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; body: string | Buffer; contentType: string; headers?: Record<string, string> }
  | undefined;

export interface RouteDef<
  PS extends z.ZodType = z.ZodType,
  QS extends z.ZodType = z.ZodType,
  BS extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Path with `:name` parameters, e.g. `/api/incidents/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Minimum role; undefined = public (health, login, OpenAPI). */
  role?: Role;
  params?: PS;
  query?: QS;
  body?: BS;
  /** Read the body as bytes (uploads) instead of JSON. */
  raw?: boolean;
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBody?: number;
  /** Allowed while the caller still has to replace a one-time password. */
  allowPendingPassword?: boolean;
  /** OpenAPI description of the success response. */
  responds?: string;
  produces?: string;
  handler: (ctx: RequestContext<z.output<PS>, z.output<QS>, z.output<BS>>) => Promise<HandlerResult> | HandlerResult;
}

// biome-ignore lint/suspicious/noExplicitAny: a route table holds routes of many schema types
export type AnyRoute = RouteDef<any, any, any>;

/** Declares a route with full type inference from its schemas. */
export function route<PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
  def: RouteDef<PS, QS, BS>,
): RouteDef<PS, QS, BS> {
  return def;
}

export interface CompiledRoute {
  def: AnyRoute;
  pattern: RegExp;
  names: string[];
}

export function compileRoutes(routes: AnyRoute[]): CompiledRoute[] {
  return routes.map((def) => {
    const names: string[] = [];
    const source = def.path
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          names.push(part.slice(1));
          return '([^/]+)';
        }
        return escapeRegExp(part);
      })
      .join('/');
    return { def, pattern: new RegExp(`^${source}$`), names };
  });
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  pathname: string,
): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    if (r.def.method !== method) {
      allowed.push(r.def.method);
      continue;
    }
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route: r, params };
  }
  return allowed.length ? { allowed } : null;
}

/** Reads a request body up to `limit` bytes; answers 413 as soon as the limit is passed (no buffering of the rest). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(new HttpError(400, 'bad_request', `request body could not be read: ${error.message}`));
    });
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `request body exceeds ${Math.round(limit / 1024)} KiB`);
}

/** Turns zod issues into a short list a client can show next to its fields. */
export function validationError(where: 'body' | 'query' | 'params', error: z.ZodError): HttpError {
  const issues = error.issues
    .slice(0, 20)
    .map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0];
  return new HttpError(
    400,
    'validation_failed',
    first ? `${first.path}: ${first.message}` : `invalid ${where}`,
    issues,
  );
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload: Record<string, unknown> = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) (payload.error as Record<string, unknown>).details = error.details;
  sendJson(res, error.status, payload, headers);
}

/** Parses a Cookie header without trusting its shape. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      // A malformed %-escape in someone else's cookie is not our error: skip that cookie only.
    }
  }
  return out;
}
