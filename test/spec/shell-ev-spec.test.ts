/**
 * Checks the embedded default spec `spec/shell-ev.yaml` against the OpenAPI 3.0 schema and against
 * the Shell EV reference documentation in /work/shared/reference/shell-ev (the independent oracle:
 * the expected tables below are hard-coded from the reference controller docs; model coverage,
 * enum members, property names and required flags are read from the reference model docs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const SPEC_PATH = path.resolve(__dirname, '../../spec/shell-ev.yaml');
const REF_DIR = '/work/shared/reference/shell-ev';
const MODELS_DIR = path.join(REF_DIR, 'models');
const CONTAINERS_DIR = path.join(MODELS_DIR, 'containers');
const haveReference = fs.existsSync(MODELS_DIR);
const describeRef = haveReference ? describe : describe.skip;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const spec: Json = parse(fs.readFileSync(SPEC_PATH, 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`not an internal $ref: ${ref}`);
  let cur = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function deref(obj: Json): Json {
  let cur = obj;
  for (let i = 0; i < 10 && cur && typeof cur === 'object' && typeof cur.$ref === 'string'; i++) {
    cur = resolvePointer(spec, cur.$ref);
  }
  return cur;
}

function refName(obj: Json): string | undefined {
  return obj && typeof obj.$ref === 'string' ? obj.$ref.split('/').pop() : undefined;
}

/** The operations of the spec, keyed by operationId. */
function operations(): Map<string, { method: string; path: string; op: Json; pathItem: Json }> {
  const out = new Map<string, { method: string; path: string; op: Json; pathItem: Json }>();
  for (const [p, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const m of METHODS) {
      if (item[m]) out.set(item[m].operationId, { method: m.toUpperCase(), path: p, op: item[m], pathItem: item });
    }
  }
  return out;
}

function opParameters(operationId: string): Json[] {
  const o = operations().get(operationId)!;
  return [...(o.pathItem.parameters ?? []), ...(o.op.parameters ?? [])].map(deref);
}

// ---------------------------------------------------------------------------------------------
// Oracle tables, hard-coded from ENDPOINTS.md and controllers/*.md of the reference.
// ---------------------------------------------------------------------------------------------

/** ENDPOINTS.md "Operations" table (+ operationId = camelCase SDK method). */
const OPERATIONS: Array<[string, string, string, string]> = [
  // operationId, method, path, tag
  ['start', 'POST', '/v2/charge-session/start', 'Charging'],
  ['stop', 'POST', '/v2/charge-session/stop', 'Charging'],
  ['getChargeSessionRetrieve', 'GET', '/v2/charge-session/retrieve', 'Charging'],
  ['active', 'GET', '/v2/charge-session/active', 'Charging'],
  ['getEvLocations', 'GET', '/v2/locations', 'Locations'],
  ['evLocationsById', 'GET', '/v2/locations/{id}', 'Locations'],
  ['nearbyLocations', 'GET', '/v2/locations/nearby', 'Locations'],
  ['locationsMarkers', 'GET', '/v2/locations/markers', 'Locations'],
];

/** "## Response Type" of each operation in controllers/*.md. */
const SUCCESS: Record<string, [string, string]> = {
  start: ['200', 'InlineResponse202'],
  stop: ['200', 'InlineResponse2021'],
  getChargeSessionRetrieve: ['200', 'GetChargeSessionRetrieveResponse200Json'],
  active: ['200', 'ActiveResponse200Json'],
  getEvLocations: ['200', 'ResponseV2'],
  evLocationsById: ['200', 'SearchByIdResponse'],
  nearbyLocations: ['200', 'ResponseV2'],
  locationsMarkers: ['200', 'SingleLocationMarkerResponseV2'],
};

/**
 * "## Errors" tables: status code -> exception class (schema = class without the `Exception` suffix).
 * `active` has no Errors table in controllers/charging.md (the section ends after its example response),
 * so it documents no error responses.
 */
const COMMON = {
  '400': 'BadRequestException',
  '401': 'UnauthorizedException',
  '429': 'TooManyRequestsException',
  '500': 'InternalServerErrorException',
  '503': 'ServiceunavailableException',
};
const ERRORS: Record<string, Record<string, string>> = {
  start: { ...COMMON, '404': 'V2ChargeSessionStart404ErrorException' },
  stop: { ...COMMON, '404': 'V2ChargeSessionStop404ErrorException' },
  getChargeSessionRetrieve: { ...COMMON, '404': 'V2ChargeSessionRetrieve404ErrorException' },
  active: {},
  getEvLocations: { ...COMMON, '404': 'NotFoundException' },
  evLocationsById: { ...COMMON, '404': 'NotFoundException' },
  nearbyLocations: { ...COMMON, '404': 'NotFoundException' },
  locationsMarkers: { ...COMMON, '404': 'NotFoundException' },
};

/**
 * Parameters (wire name, in, required) per operation, from the controller docs' Parameters tables with
 * the camelCase wire names of ENDPOINTS.md. The RequestId header is checked separately.
 */
const PARAMS: Record<string, Array<[string, string, boolean]>> = {
  start: [],
  stop: [['sessionId', 'query', true]],
  getChargeSessionRetrieve: [['sessionId', 'query', true]],
  active: [['emaId', 'query', true]],
  getEvLocations: [
    ['evseStatus', 'query', false],
    ['connectorTypes', 'query', false],
    ['connectorMinPower', 'query', false],
    ['authorizationMethods', 'query', false],
    ['withOperatorName', 'query', false],
    ['evseId', 'query', false],
    ['locationExternalId', 'query', false],
    ['evseExternalId', 'query', false],
    ['pageNumber', 'query', false],
    ['perPage', 'query', false],
    ['updatedSince', 'query', false],
    ['country', 'query', false],
    ['excludeCountry', 'query', false],
  ],
  evLocationsById: [
    ['id', 'path', true],
    ['providerId', 'query', false],
    ['since', 'query', false],
  ],
  nearbyLocations: [
    ['latitude', 'query', true],
    ['longitude', 'query', true],
    ['limit', 'query', false],
    ['locationExternalId', 'query', false],
    ['evseId', 'query', false],
    ['evseExternalId', 'query', false],
    ['operatorName', 'query', false],
    ['evseStatus', 'query', false],
    ['connectorTypes', 'query', false],
    ['connectorMinPower', 'query', false],
    ['authorizationMethods', 'query', false],
    ['withOperatorName', 'query', false],
    ['withMaxPower', 'query', false],
    ['country', 'query', false],
    ['excludeCountry', 'query', false],
  ],
  locationsMarkers: [
    ['west', 'query', true],
    ['south', 'query', true],
    ['east', 'query', true],
    ['north', 'query', true],
    ['zoom', 'query', true],
    ['evseStatus', 'query', false],
    ['connectorTypes', 'query', false],
    ['connectorMinPower', 'query', false],
    ['authorizationMethods', 'query', false],
    ['withOperatorName', 'query', false],
    ['withMaxPower', 'query', false],
    ['locationExternalId', 'query', false],
    ['evseId', 'query', false],
    ['evseExternalId', 'query', false],
    ['operatorName', 'query', false],
    ['country', 'query', false],
    ['excludeCountry', 'query', false],
  ],
};

/**
 * Model files that are deliberately NOT schemas of the spec: they describe the OAuth 2 token
 * endpoint, which is not an operation of the API but part of the SDK's auth runtime (described by the
 * BearerAuth security scheme only).
 */
const EXCLUDED_MODEL_FILES: Record<string, string> = {
  'o-auth-token.md': 'token endpoint response; owned by the OAuth 2 auth runtime, not an API operation',
  'o-auth-provider-exception.md': 'token endpoint RFC 6749 §5.2 error body; owned by the auth runtime',
  'o-auth-provider-error-enum.md': 'error codes of the token endpoint error body; owned by the auth runtime',
};

/** Wire names that are not the plain camelCase of the reference's snake_case field name. */
const WIRE_NAME_EXCEPTIONS: Record<string, Record<string, string>> = {
  PriceComponent: { mtype: 'type' }, // the SDK renames the reserved word `type` to `mtype`
  DataActive: { session_state: 'SessionState' }, // see the Active example response in controllers/charging.md
};

// ---------------------------------------------------------------------------------------------
// Reference model parsing
// ---------------------------------------------------------------------------------------------

interface RefModel {
  file: string;
  kind: 'structure' | 'enum';
  name: string;
  fields: Array<{ name: string; tags: string }>;
  members: string[];
}

function tableRows(md: string, heading: string): string[][] {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const rest = md.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2) // header + separator
    .map((l) =>
      l
        .replace(/\\\|/g, '\u0000')
        .split('|')
        .slice(1, -1)
        .map((c) => c.replace(/\u0000/g, '|').trim()),
    );
}

function readModels(): RefModel[] {
  return fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const md = fs.readFileSync(path.join(MODELS_DIR, file), 'utf8');
      const structure = /\n## Structure\s*\n\s*`([^`]+)`/.exec(md);
      const enumeration = /\n## Enumeration\s*\n\s*`([^`]+)`/.exec(md);
      if (structure) {
        const fields = tableRows(md, 'Fields').map((r) => ({ name: r[0].replace(/`/g, ''), tags: r[2] }));
        return { file, kind: 'structure' as const, name: structure[1], fields, members: [] };
      }
      if (enumeration) {
        const members = tableRows(md, 'Fields').map((r) => r[0].replace(/`/g, ''));
        return { file, kind: 'enum' as const, name: enumeration[1], fields: [], members };
      }
      throw new Error(`${file}: neither "## Structure" nor "## Enumeration"`);
    });
}

function schemaNameOf(structureName: string): string {
  return structureName.endsWith('Exception') ? structureName.slice(0, -'Exception'.length) : structureName;
}

const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const looseKey = (s: string) => s.replace(/_/g, '').toLowerCase();
/** How the SDK derives an enum constant's name from its wire value (e.g. `PnC` -> `PNC`). */
const constantName = (v: string) => v.toUpperCase().replace(/[^A-Z0-9_]/g, '');

/** Properties of a schema, following a single-element allOf wrapper if any. */
function properties(schema: Json): Record<string, Json> {
  return deref(schema)?.properties ?? {};
}

// ---------------------------------------------------------------------------------------------

describe('spec/shell-ev.yaml', () => {
  test('is a valid OpenAPI 3.0.3 document', async () => {
    expect(spec.openapi).toBe('3.0.3');
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const result = await validator.validate(spec);
    if (!result.valid) {
      // Print the errors so a failure is actionable.
      console.error(JSON.stringify(result.errors, null, 2));
    }
    expect(result.valid).toBe(true);
    expect(result.errors ?? []).toHaveLength(0);
  });

  test('every internal $ref resolves', () => {
    const broken: string[] = [];
    let count = 0;
    const walk = (node: Json, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') {
            count++;
            if (!v.startsWith('#/') || resolvePointer(spec, v) === undefined) broken.push(`${where}: ${v}`);
          } else walk(v, `${where}/${k}`);
        }
      }
    };
    walk(spec, '#');
    // discriminator mappings are references too
    for (const [name, s] of Object.entries<Json>(spec.components.schemas)) {
      for (const target of Object.values<string>(s.discriminator?.mapping ?? {})) {
        if (resolvePointer(spec, target) === undefined) broken.push(`#/components/schemas/${name}/discriminator: ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  test('info', () => {
    expect(spec.info.title).toBe('Shell EV');
    expect(typeof spec.info.version).toBe('string');
    expect(spec.info.version.length).toBeGreaterThan(0);
    expect(spec.info.description).toContain('This API Product provides the list of all Shell Recharge locations.');
  });

  test('servers: SIT first (default), then PRODUCTION, with x-sdkgen-name', () => {
    expect(spec.servers.map((s: Json) => [s.url, s['x-sdkgen-name']])).toEqual([
      ['https://api-test.shell.com/ev', 'Sit'],
      ['https://api.shell.com/ev', 'Production'],
    ]);
    for (const s of spec.servers) expect(s.description).toEqual(expect.any(String));
  });

  test('BearerAuth: OAuth 2 client credentials with a relative token URL, required globally', () => {
    const scheme = spec.components.securitySchemes.BearerAuth;
    expect(Object.keys(spec.components.securitySchemes)).toEqual(['BearerAuth']);
    expect(scheme.type).toBe('oauth2');
    expect(scheme.description).toEqual(expect.any(String));
    expect(Object.keys(scheme.flows)).toEqual(['clientCredentials']);
    expect(scheme.flows.clientCredentials.tokenUrl).toBe('/v2/oauth/token');
    expect(scheme.flows.clientCredentials.scopes).toEqual({});
    // Relative URLs resolve against the server URL (OpenAPI 3.0.3 §4.7.2).
    expect(new URL(scheme.flows.clientCredentials.tokenUrl, spec.servers[1].url).href).toBe(
      'https://api.shell.com/v2/oauth/token',
    );
    expect(new URL(scheme.flows.clientCredentials.tokenUrl, spec.servers[0].url).href).toBe(
      'https://api-test.shell.com/v2/oauth/token',
    );
    expect(spec.security).toEqual([{ BearerAuth: [] }]);
    for (const [, { op }] of operations()) {
      // no operation opts out of (or overrides) the global requirement
      if (op.security !== undefined) expect(op.security).toEqual([{ BearerAuth: [] }]);
    }
  });

  test('tags Charging and Locations with descriptions', () => {
    expect(spec.tags.map((t: Json) => t.name)).toEqual(['Charging', 'Locations']);
    for (const t of spec.tags) expect(t.description).toEqual(expect.any(String));
  });

  test('exactly the 8 operations, the token endpoint is not one of them', () => {
    const ops = operations();
    expect([...ops.keys()].sort()).toEqual(OPERATIONS.map((o) => o[0]).sort());
    for (const p of Object.keys(spec.paths)) expect(p).not.toMatch(/oauth|token/i);
  });

  test.each(OPERATIONS)('%s is %s %s tagged %s, with summary and description', (id, method, p, tag) => {
    const o = operations().get(id)!;
    expect(o).toBeDefined();
    expect([o.method, o.path, o.op.tags]).toEqual([method, p, [tag]]);
    expect(o.op.summary).toEqual(expect.any(String));
    expect(o.op.description).toEqual(expect.any(String));
  });

  test('RequestId is one shared required uuid header, used by every operation', () => {
    const rid = spec.components.parameters.RequestId;
    expect(rid).toMatchObject({ name: 'RequestId', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } });
    for (const [id, { op }] of operations()) {
      const refs = (op.parameters ?? []).map(refName);
      expect([id, refs.includes('RequestId')]).toEqual([id, true]);
      const headers = opParameters(id).filter((x) => x.in === 'header');
      expect([id, headers.map((h) => [h.name, h.required])]).toEqual([id, [['RequestId', true]]]);
    }
  });

  test.each(Object.entries(PARAMS))('%s: parameters (wire name, in, required)', (id, expected) => {
    const actual = opParameters(id)
      .filter((x) => x.in !== 'header')
      .map((x) => [x.name, x.in, x.required === true]);
    expect(actual).toEqual(expected);
    for (const x of opParameters(id)) {
      expect(x.description).toEqual(expect.any(String));
      expect(x.schema).toBeDefined();
    }
  });

  test('array query parameters use style form, explode true', () => {
    for (const [id] of operations()) {
      for (const x of opParameters(id)) {
        const schema = deref(x.schema);
        if (schema.type === 'array') expect([id, x.name, x.style, x.explode]).toEqual([id, x.name, 'form', true]);
      }
    }
    const country = opParameters('getEvLocations').find((x) => x.name === 'country');
    expect(country.schema).toEqual({ type: 'array', items: { type: 'string' } });
  });

  test('parameter schemas carry the documented types, formats, constraints and defaults', () => {
    const param = (id: string, name: string) => opParameters(id).find((x) => x.name === name);
    const uuidPattern = '^[{]?[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}[}]?$';
    for (const id of ['stop', 'getChargeSessionRetrieve']) {
      expect(param(id, 'sessionId').schema).toMatchObject({ type: 'string', minLength: 36, maxLength: 36, pattern: uuidPattern });
    }
    expect(param('active', 'emaId').schema).toMatchObject({ type: 'string', minLength: 14, maxLength: 19 });
    expect(param('getEvLocations', 'pageNumber').schema).toMatchObject({ type: 'integer', minimum: 1 });
    expect(param('getEvLocations', 'perPage').schema).toMatchObject({ type: 'integer', maximum: 500 });
    expect(param('nearbyLocations', 'latitude').schema).toMatchObject({ type: 'number', format: 'double', minimum: -90, maximum: 90 });
    expect(param('nearbyLocations', 'longitude').schema).toMatchObject({ type: 'number', format: 'double', minimum: -180, maximum: 180 });
    expect(param('nearbyLocations', 'limit').schema).toMatchObject({ type: 'number', maximum: 100, default: 25 });
    for (const [n, lim] of [['west', 180], ['east', 180], ['south', 90], ['north', 90]] as const) {
      expect(param('locationsMarkers', n).schema).toMatchObject({ type: 'number', format: 'double', minimum: -lim, maximum: lim });
    }
    expect(param('locationsMarkers', 'zoom').schema).toMatchObject({ type: 'string' });
    for (const id of ['getEvLocations', 'nearbyLocations', 'locationsMarkers']) {
      expect(refName(param(id, 'evseStatus').schema)).toBe('EvseStatusEnum');
      expect(refName(param(id, 'connectorTypes').schema)).toBe('ConnectorTypesEnum');
      expect(refName(param(id, 'authorizationMethods').schema)).toBe('SingleLocationMarkerAuthorizationMethodsItemsEnum');
      expect(param(id, 'withOperatorName').schema).toEqual({ type: 'boolean' });
    }
  });

  test('request bodies: start takes an optional ChargesessionStartBody, no other operation has a body', () => {
    for (const [id, { op }] of operations()) {
      if (id === 'start') {
        const body = deref(op.requestBody);
        expect(body.required).not.toBe(true);
        expect(refName(body.content['application/json'].schema)).toBe('ChargesessionStartBody');
      } else {
        expect([id, op.requestBody]).toEqual([id, undefined]);
      }
    }
  });

  test.each(Object.entries(SUCCESS))('%s: success response %j', (id, [status, model]) => {
    const { op } = operations().get(id)!;
    const codes = Object.keys(op.responses).filter((c) => c.startsWith('2'));
    expect(codes).toEqual([status]);
    const resp = deref(op.responses[status]);
    expect(resp.description).toEqual(expect.any(String));
    expect(refName(resp.content['application/json'].schema)).toBe(model);
  });

  test.each(Object.entries(ERRORS))('%s: error responses equal the reference Errors table', (id, expected) => {
    const { op } = operations().get(id)!;
    const errorCodes = Object.keys(op.responses).filter((c) => !c.startsWith('2'));
    expect(errorCodes.sort()).toEqual(Object.keys(expected).sort());
    for (const [code, exceptionClass] of Object.entries(expected)) {
      expect(refName(op.responses[code])).toBeDefined(); // shared via components.responses
      const resp = deref(op.responses[code]);
      expect(resp.description).toEqual(expect.any(String));
      const schema = resp.content['application/json'].schema;
      expect([code, refName(schema)]).toEqual([code, schemaNameOf(exceptionClass)]);
    }
  });

  test('the oneOf marker containers, discriminated by the constant markerType', () => {
    const s = spec.components.schemas;
    for (const [container, single, multi] of [
      ['LocationMarker', 'SingleLocationMarker', 'MultiLocationMarker'],
      ['LocationMarkerV2', 'SingleLocationMarkerV2', 'MultiLocationMarkerV2'],
    ]) {
      expect(s[container].oneOf.map(refName)).toEqual([single, multi]);
      expect(s[container].discriminator).toEqual({
        propertyName: 'markerType',
        mapping: {
          SingleLocation: `#/components/schemas/${single}`,
          MultiLocation: `#/components/schemas/${multi}`,
        },
      });
      for (const member of [single, multi]) expect(s[member].required).toContain('markerType');
    }
    expect(s.SingleLocationMarkerV2.properties.markerType.enum).toEqual(['SingleLocation']);
    expect(s.MultiLocationMarkerV2.properties.markerType.enum).toEqual(['MultiLocation']);
    expect(refName(s.SingleLocationMarkerResponseV2.properties.data.items)).toBe('LocationMarkerV2');
    expect(refName(s.SingleLocationMarkerResponse.properties.data.items)).toBe('LocationMarker');
  });
});

describeRef('spec/shell-ev.yaml against the reference models', () => {
  const models = haveReference ? readModels() : [];
  const schemas: Record<string, Json> = spec.components?.schemas ?? {};

  test('the excluded (auth runtime) model files exist in the reference', () => {
    for (const f of Object.keys(EXCLUDED_MODEL_FILES)) expect(fs.existsSync(path.join(MODELS_DIR, f))).toBe(true);
    for (const f of Object.keys(EXCLUDED_MODEL_FILES)) {
      const m = models.find((x) => x.file === f)!;
      expect(schemas[schemaNameOf(m.name)]).toBeUndefined();
    }
  });

  const included = () => models.filter((m) => !(m.file in EXCLUDED_MODEL_FILES));

  test('every model and enum file has a schema in components.schemas', () => {
    const missing = included()
      .map((m) => `${m.file} -> ${schemaNameOf(m.name)}`)
      .filter((s) => !(s.split(' -> ')[1] in schemas));
    expect(missing).toEqual([]);
    // 83 model files in the reference, 3 of them excluded (guards against a silently broken parser)
    expect(included().length).toBe(80);
  });

  test('components.schemas holds nothing but the reference models and containers (no duplicates)', () => {
    const containers = fs
      .readdirSync(CONTAINERS_DIR)
      .filter((f) => f.endsWith('.md'))
      .map((f) => /^\s*# (.+)$/m.exec(fs.readFileSync(path.join(CONTAINERS_DIR, f), 'utf8'))![1].replace(/\s+/g, ''));
    const expected = [...included().map((m) => schemaNameOf(m.name)), ...containers].sort();
    expect(Object.keys(schemas).sort()).toEqual(expected);
  });

  test('every container file has a oneOf schema', () => {
    for (const file of fs.readdirSync(CONTAINERS_DIR).filter((f) => f.endsWith('.md'))) {
      const md = fs.readFileSync(path.join(CONTAINERS_DIR, file), 'utf8');
      const title = /^\s*# (.+)$/m.exec(md)![1];
      const name = title.replace(/\s+/g, '');
      const cases = [...md.matchAll(/^\| \[`([A-Za-z0-9]+)`\]/gm)].map((m) => m[1]);
      expect([file, schemas[name]?.oneOf?.map(refName)]).toEqual([file, cases]);
    }
  });

  test('enum schemas: members equal the reference Fields (reference lists the SDK constant names)', () => {
    for (const m of included().filter((x) => x.kind === 'enum')) {
      const s = schemas[m.name];
      expect([m.name, s.type]).toEqual([m.name, 'string']);
      expect([m.name, s.enum.map(constantName)]).toEqual([m.name, m.members]);
    }
  });

  test('structure schemas: property wire names, required lists and descriptions', () => {
    for (const m of included().filter((x) => x.kind === 'structure')) {
      const name = schemaNameOf(m.name);
      const s = schemas[name];
      const props = properties(s);
      const exceptions = WIRE_NAME_EXCEPTIONS[name] ?? {};
      const wire = (field: string) => exceptions[field] ?? snakeToCamel(field);
      const expectedProps = m.fields.map((f) => wire(f.name));
      expect([name, Object.keys(props)]).toEqual([name, expectedProps]);
      // camelCase check that tolerates acronyms (perKWh from per_k_wh)
      for (const f of m.fields) expect(looseKey(wire(f.name))).toBe(looseKey(exceptions[f.name] ?? f.name));
      const expectedRequired = m.fields.filter((f) => /\bRequired\b/.test(f.tags)).map((f) => wire(f.name));
      expect([name, s.required ?? []]).toEqual([name, expectedRequired]);
      for (const [p, ps] of Object.entries<Json>(props)) {
        expect([name, p, typeof ps.description]).toEqual([name, p, 'string']);
        const readOnly = m.fields.find((f) => wire(f.name) === p)!.tags.includes('Read-only');
        expect([name, p, ps.readOnly === true]).toEqual([name, p, readOnly]);
      }
    }
  });

  test('error body schemas are named after the exception classes without the suffix', () => {
    const exceptions = included().filter((m) => m.kind === 'structure' && m.name.endsWith('Exception'));
    expect(exceptions.map((m) => schemaNameOf(m.name)).sort()).toEqual(
      [
        'BadRequest',
        'InternalServerError',
        'NotFound',
        'Serviceunavailable',
        'TooManyRequests',
        'Unauthorized',
        'V2ChargeSessionRetrieve404Error',
        'V2ChargeSessionStart404Error',
        'V2ChargeSessionStop404Error',
      ].sort(),
    );
    for (const m of exceptions) expect(schemas[m.name]).toBeUndefined();
  });

  test('formats of typed fields (uuid, date-time, date, double, int32)', () => {
    const expectedFormat: Record<string, string | undefined> = {
      'uuid|str': 'uuid',
      datetime: 'date-time',
      date: 'date',
      float: 'double',
      int: 'int32',
    };
    for (const m of included().filter((x) => x.kind === 'structure')) {
      const md = fs.readFileSync(path.join(MODELS_DIR, m.file), 'utf8');
      const name = schemaNameOf(m.name);
      const props = properties(schemas[name]);
      const exceptions = WIRE_NAME_EXCEPTIONS[name] ?? {};
      for (const row of tableRows(md, 'Fields')) {
        const type = row[1].replace(/`/g, '');
        if (!(type in expectedFormat)) continue;
        const field = row[0].replace(/`/g, '');
        const p = props[exceptions[field] ?? snakeToCamel(field)];
        expect([name, field, p.format]).toEqual([name, field, expectedFormat[type]]);
      }
    }
  });
});
