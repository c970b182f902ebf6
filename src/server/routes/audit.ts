/** The audit log, newest first, with cursor pagination. Everyone logged in may read it: review is transparent. */
import { z } from 'zod';
import type { ServerDeps } from '../app.js';
import { type AnyRoute, route } from '../http.js';

const AuditQuery = z.object({
  entityType: z.string().max(40).optional().describe('incident, report, user'),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  cursor: z.coerce.number().int().positive().optional().describe('id of the last entry seen'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(deps: ServerDeps): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/audit',
      summary: 'Audit log entries (who, when, what, before → after), newest first',
      tag: 'audit',
      role: 'viewer',
      query: AuditQuery,
      responds: '{ entries, nextCursor }',
      handler: ({ query }) => {
        const entries = deps.audit.list({
          entityType: query.entityType,
          entityId: query.entityId,
          actor: query.actor,
          action: query.action,
          beforeId: query.cursor,
          limit: query.limit,
        });
        const last = entries.at(-1);
        return { json: { entries, nextCursor: entries.length === query.limit && last ? String(last.id) : null } };
      },
    }),
  ];
}
