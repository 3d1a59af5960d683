import { z } from 'zod';

import { restApiDocs } from './rest';

export type ApiRoute = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Security requirements, e.g. [{ apiKey: [] }]; absent means public. */
  security?: Record<string, string[]>[];
  /** API-key scope the route needs (documented as `x-required-scope`). */
  requiredScope?: string;
  /** Path and header parameters. */
  parameters?: { name: string; in: 'path' | 'header'; required: boolean; description?: string }[];
  /** Query parameters, from an object schema. */
  query?: z.ZodType;
  requestBody?: z.ZodType;
  requestBodyOptional?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
};

/** Security schemes of the API: integration keys and member tokens, both as bearer tokens. */
export const SECURITY_SCHEMES = {
  apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'lsk_…', description: 'Integration API key of a store or channel, scoped; created by an administrator in the studio.' },
  memberToken: { type: 'http', scheme: 'bearer', bearerFormat: 'lmt_…', description: 'Member self-service token, issued by POST /api/v1/members/{id}/tokens after the shop signed the member in.' },
} as const;

const ComponentStatus = z.object({
  status: z.enum(['up', 'down']),
  detail: z.string().optional().describe('Why the component is down'),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']).describe('ok only when database, Temporal and worker are all up'),
  database: ComponentStatus,
  temporal: ComponentStatus,
  worker: ComponentStatus.extend({ pollers: z.number().int().describe('Workers polling the task queue') }),
  time: z.string().describe('Server time, ISO 8601'),
});

export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: ComponentStatus,
});

export const ApiIndexResponse = z.object({
  name: z.string(),
  version: z.literal('v1'),
  documentation: z.string().describe('URL of the OpenAPI document'),
});

/** Routes the document describes; feature modules add theirs here. */
export const apiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Health of database, Temporal and worker',
    tags: ['Operations'],
    responses: {
      200: { description: 'Everything is up', schema: HealthResponse },
      503: { description: 'At least one component is down', schema: HealthResponse },
    },
  },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness for traffic (database reachable)',
    tags: ['Operations'],
    responses: {
      200: { description: 'Ready', schema: ReadyResponse },
      503: { description: 'Not ready', schema: ReadyResponse },
    },
  },
  {
    method: 'get',
    path: '/api/v1',
    summary: 'API entry point',
    tags: ['API'],
    responses: { 200: { description: 'Name and version of the API', schema: ApiIndexResponse } },
  },
  ...restApiDocs(),
];

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

function parametersOf(r: ApiRoute) {
  const params = [...(r.parameters ?? []).map((p) => ({ ...p, schema: { type: 'string' } })), ...queryParameters(r.query)];
  return params.length ? { parameters: params } : {};
}

/**
 * OpenAPI 3.1 document generated from the zod schemas of the routes.
 * @example const doc = openApiDocument(apiRoutes); doc.paths['/health'].get.summary
 */
export function openApiDocument(routes: ApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses = Object.fromEntries(
      Object.entries(r.responses).map(([code, res]) => [
        code,
        {
          description: res.description,
          ...(res.schema ? { content: { [res.contentType ?? 'application/json']: { schema: z.toJSONSchema(res.schema, { io: 'output', unrepresentable: 'any' }) } } } : {}),
        },
      ]),
    );
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      ...(r.security ? { security: r.security } : {}),
      ...(r.requiredScope ? { 'x-required-scope': r.requiredScope } : {}),
      ...parametersOf(r),
      ...(r.requestBody
        ? { requestBody: { required: !r.requestBodyOptional, content: { 'application/json': { schema: z.toJSONSchema(r.requestBody, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loyalty Studio API',
      version: '1.0.0',
      description: 'Point-of-sale, e-commerce and member self-service API of the loyalty engine.',
    },
    paths,
    components: { securitySchemes: SECURITY_SCHEMES },
  };
}
