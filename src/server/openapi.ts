/** Builds the OpenAPI 3.1 document from the route table: the schemas that validate input are the ones documented. */
import { z } from 'zod';
import type { AnyRoute } from './http.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType): JsonSchema {
  const schema = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete schema.$schema;
  return schema;
}

function parametersOf(type: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!type) return [];
  const schema = schemaOf(type);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (required.has(name) && !('default' in property)),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

export function buildOpenApi(routes: AnyRoute[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      responses: {
        [r.method === 'POST' && r.responds?.startsWith('201') ? '201' : '200']: {
          description: r.responds ?? 'OK',
          ...(r.produces ? { content: { [r.produces]: {} } } : {}),
        },
        '400': { $ref: '#/components/responses/Error' },
        ...(r.role
          ? { '401': { $ref: '#/components/responses/Error' }, '403': { $ref: '#/components/responses/Error' } }
          : {}),
        ...(r.params ? { '404': { $ref: '#/components/responses/Error' } } : {}),
        ...(r.body || r.raw ? { '413': { $ref: '#/components/responses/Error' } } : {}),
      },
    };
    if (r.role) {
      operation.security = [{ session: [], csrf: [] }, { bearer: [] }];
      operation['x-required-role'] = r.role;
    }
    if (r.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } };
    } else if (r.raw) {
      operation.requestBody = {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep workbench API',
      version,
      description:
        'Reports, events and incidents coded from war reporting; review actions with an append-only audit log; exports. ' +
        'Browser sessions use an HttpOnly SameSite=Strict cookie and must echo X-CSRF-Token on writes; scripts use a bearer token.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sitrep_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Error: { description: 'An error', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      },
    },
  };
}
