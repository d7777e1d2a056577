/**
 * Deterministic synthetic OpenAPI 3.0 spec generator for the scaling benchmark.
 *
 * `makeSyntheticSpec(operations, { seed })` returns a plain object (serialize with JSON.stringify).
 * The same (operations, seed) always yields byte-identical output: a small PRNG (mulberry32) drives
 * every choice, no Date/Math.random.
 *
 * Shape: operations are grouped into resources of 5 (list, create, get, update, delete); the last
 * resource may be partial. Each resource contributes schemas that exercise what generators find
 * costly:
 *   - `<R>`        object with scalars, formats, an enum, a nullable field, an array, a map
 *                  (additionalProperties) and a `$ref` to another resource (cross-links → ref graph)
 *   - `<R>Status`  string enum
 *   - `<R>Base`    shared fields; `<R>Create` = allOf [<R>Base, {...required extras}]
 *   - `<R>Update`  all-optional patch object
 *   - `<R>Event`   oneOf [<R>CreatedEvent, <R>DeletedEvent] with a discriminator + mapping
 *   - `<R>Page`    { items: <R>[], page: Pagination }
 * Parameters: path id, query filters (enum, bounded integer, exploded string array, date-time),
 * a shared `X-Request-Id` header (components/parameters), shared page/limit params.
 * Responses: 200/201/204 with bodies, shared `components/responses` for 404 and default error.
 * Security: OAuth 2.0 client credentials (global) so generators emit their auth code paths.
 *
 * CLI: node scripts/bench/lib/synthetic.mjs --ops 100 [--seed 1] [-o out.json]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WORDS = [
  'Account', 'Order', 'Invoice', 'Customer', 'Product', 'Shipment', 'Warehouse', 'Payment',
  'Refund', 'Coupon', 'Vehicle', 'Station', 'Session', 'Tariff', 'Driver', 'Fleet', 'Card',
  'Location', 'Connector', 'Meter', 'Report', 'Webhook', 'Subscription', 'Plan', 'Team',
  'Member', 'Project', 'Ticket', 'Comment', 'Attachment', 'Label', 'Release',
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resourceName(i) {
  const w = WORDS[i % WORDS.length];
  const round = Math.floor(i / WORDS.length);
  return round === 0 ? w : `${w}${round + 1}`;
}

function kebab(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });

/** @param {number} operations @param {{seed?: number, title?: string}} [options] */
export function makeSyntheticSpec(operations, options = {}) {
  if (!Number.isInteger(operations) || operations < 1) throw new RangeError('operations must be an integer ≥ 1');
  const rand = mulberry32(options.seed ?? 1);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

  const resources = Math.ceil(operations / 5);
  const schemas = {
    Pagination: {
      type: 'object',
      required: ['page', 'limit', 'total'],
      properties: {
        page: { type: 'integer', minimum: 1 },
        limit: { type: 'integer', minimum: 1, maximum: 500 },
        total: { type: 'integer', format: 'int64' },
        next: { type: 'string', format: 'uri', nullable: true },
      },
    },
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'INTERNAL'] },
        message: { type: 'string' },
        details: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    },
    Money: {
      type: 'object',
      required: ['amount', 'currency'],
      properties: { amount: { type: 'number', format: 'double' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
    },
  };
  const paths = {};
  const tags = [];
  let opsLeft = operations;

  for (let r = 0; r < resources; r++) {
    const R = resourceName(r);
    const seg = `/${kebab(R)}s`;
    const other = resourceName(int(0, resources - 1));
    tags.push({ name: R, description: `Operations on ${R} resources.` });

    const statusValues = ['active', 'inactive', 'pending', 'archived', 'deleted', 'suspended'].slice(0, int(3, 6));
    schemas[`${R}Status`] = { type: 'string', enum: statusValues, description: `Lifecycle state of a ${R}.` };
    const extraProps = {};
    for (let k = 0, n = int(2, 6); k < n; k++) {
      extraProps[`attr${k}`] = pick([
        { type: 'string', maxLength: int(8, 256) },
        { type: 'integer', format: 'int32', minimum: 0 },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'string', format: 'date' },
        { type: 'array', items: { type: 'integer' } },
      ]);
    }
    schemas[`${R}Base`] = {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        description: { type: 'string', nullable: true },
        status: ref(`${R}Status`),
        tags: { type: 'array', items: { type: 'string' }, maxItems: 20 },
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
        ...extraProps,
      },
    };
    schemas[R] = {
      allOf: [
        ref(`${R}Base`),
        {
          type: 'object',
          required: ['id', 'createdAt'],
          properties: {
            id: { type: 'string', format: 'uuid', readOnly: true },
            createdAt: { type: 'string', format: 'date-time', readOnly: true },
            updatedAt: { type: 'string', format: 'date-time', nullable: true },
            price: ref('Money'),
            related: other === R ? { type: 'string', format: 'uuid' } : ref(other),
            score: { type: 'number', format: 'float', minimum: 0, maximum: 1 },
          },
        },
      ],
    };
    schemas[`${R}Create`] = {
      allOf: [ref(`${R}Base`), { type: 'object', required: ['ownerId'], properties: { ownerId: { type: 'string' } } }],
    };
    schemas[`${R}Update`] = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        status: ref(`${R}Status`),
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    schemas[`${R}CreatedEvent`] = {
      type: 'object',
      required: ['kind', 'data'],
      properties: { kind: { type: 'string', enum: ['created'] }, data: ref(R), at: { type: 'string', format: 'date-time' } },
    };
    schemas[`${R}DeletedEvent`] = {
      type: 'object',
      required: ['kind', 'id'],
      properties: { kind: { type: 'string', enum: ['deleted'] }, id: { type: 'string', format: 'uuid' }, reason: { type: 'string' } },
    };
    schemas[`${R}Event`] = {
      oneOf: [ref(`${R}CreatedEvent`), ref(`${R}DeletedEvent`)],
      discriminator: {
        propertyName: 'kind',
        mapping: { created: `#/components/schemas/${R}CreatedEvent`, deleted: `#/components/schemas/${R}DeletedEvent` },
      },
    };
    schemas[`${R}Page`] = {
      type: 'object',
      required: ['items', 'page'],
      properties: { items: { type: 'array', items: ref(R) }, page: ref('Pagination'), events: { type: 'array', items: ref(`${R}Event`) } },
    };

    const json = (schema) => ({ 'application/json': { schema } });
    const idParam = { name: `${R[0].toLowerCase()}${R.slice(1)}Id`, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
    const ops = [
      [seg, 'get', {
        operationId: `list${R}s`,
        summary: `List ${R}s`,
        parameters: [
          { $ref: '#/components/parameters/RequestId' },
          { $ref: '#/components/parameters/Page' },
          { $ref: '#/components/parameters/Limit' },
          { name: 'status', in: 'query', schema: ref(`${R}Status`) },
          { name: 'tag', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
          { name: 'createdAfter', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', '-name', 'createdAt', '-createdAt'], default: 'name' } },
        ],
        responses: { 200: { description: 'A page', content: json(ref(`${R}Page`)) }, default: { $ref: '#/components/responses/Error' } },
      }],
      [seg, 'post', {
        operationId: `create${R}`,
        summary: `Create a ${R}`,
        parameters: [{ $ref: '#/components/parameters/RequestId' }],
        requestBody: { required: true, content: json(ref(`${R}Create`)) },
        responses: {
          201: { description: 'Created', headers: { Location: { schema: { type: 'string' } } }, content: json(ref(R)) },
          409: { description: 'Conflict', content: json(ref('Error')) },
          default: { $ref: '#/components/responses/Error' },
        },
      }],
      [`${seg}/{${idParam.name}}`, 'get', {
        operationId: `get${R}`,
        summary: `Get a ${R}`,
        parameters: [idParam, { $ref: '#/components/parameters/RequestId' }, { name: 'expand', in: 'query', schema: { type: 'boolean' } }],
        responses: {
          200: { description: 'The resource', content: json(ref(R)) },
          404: { $ref: '#/components/responses/NotFound' },
          default: { $ref: '#/components/responses/Error' },
        },
      }],
      [`${seg}/{${idParam.name}}`, 'patch', {
        operationId: `update${R}`,
        summary: `Update a ${R}`,
        parameters: [idParam, { $ref: '#/components/parameters/RequestId' }],
        requestBody: { required: true, content: json(ref(`${R}Update`)) },
        responses: {
          200: { description: 'Updated', content: json(ref(R)) },
          404: { $ref: '#/components/responses/NotFound' },
          default: { $ref: '#/components/responses/Error' },
        },
      }],
      [`${seg}/{${idParam.name}}`, 'delete', {
        operationId: `delete${R}`,
        summary: `Delete a ${R}`,
        parameters: [idParam, { $ref: '#/components/parameters/RequestId' }, { name: 'hard', in: 'query', schema: { type: 'boolean', default: false } }],
        responses: {
          204: { description: 'Deleted' },
          404: { $ref: '#/components/responses/NotFound' },
          default: { $ref: '#/components/responses/Error' },
        },
      }],
    ];
    for (const [p, method, op] of ops) {
      if (opsLeft === 0) break;
      opsLeft--;
      paths[p] ??= {};
      paths[p][method] = { tags: [R], ...op };
    }
  }

  return {
    openapi: '3.0.3',
    info: { title: options.title ?? `Synthetic API (${operations} operations)`, version: '1.0.0', description: 'Generated by scripts/bench/lib/synthetic.mjs for benchmarking.' },
    servers: [{ url: 'https://api.example.test/v1' }],
    security: [{ ClientCredentials: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        ClientCredentials: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://auth.example.test/oauth/token', scopes: { read: 'Read access', write: 'Write access' } } },
        },
      },
      parameters: {
        RequestId: { name: 'X-Request-Id', in: 'header', required: false, schema: { type: 'string', format: 'uuid' } },
        Page: { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      },
      responses: {
        NotFound: { description: 'Not found', content: { 'application/json': { schema: ref('Error') } } },
        Error: { description: 'Unexpected error', content: { 'application/json': { schema: ref('Error') } } },
      },
      schemas,
    },
  };
}

/** Counts operations (path × HTTP method) in a parsed OpenAPI document. */
export function countOperations(doc) {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  let n = 0;
  for (const item of Object.values(doc?.paths ?? {})) {
    for (const k of Object.keys(item ?? {})) if (methods.has(k)) n++;
  }
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (flag, dflt) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const spec = makeSyntheticSpec(Number(get('--ops', '100')), { seed: Number(get('--seed', '1')) });
  const text = JSON.stringify(spec, null, 2);
  const out = get('-o', get('--out'));
  if (out) writeFileSync(out, text + '\n');
  else process.stdout.write(text + '\n');
}
