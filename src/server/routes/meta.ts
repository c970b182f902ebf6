/** Health and the OpenAPI document: public, read-only. */
import type { ServerDeps } from '../app.js';
import { type AnyRoute, route } from '../http.js';

export function metaRoutes(deps: ServerDeps, openapi: () => unknown): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/health',
      summary: 'Liveness and store readiness',
      tag: 'meta',
      responds: '{ ok, version, database, stages }',
      handler: () => {
        deps.db.prepare('SELECT 1').get();
        return { json: { ok: true, version: deps.version, database: 'ok', stages: deps.data.capabilities() } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      tag: 'meta',
      handler: () => ({ json: openapi(), headers: { 'Cache-Control': 'no-cache' } }),
    }),
  ];
}
