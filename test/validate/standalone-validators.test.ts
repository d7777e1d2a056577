/**
 * `npm run build` compiles the OpenAPI schemas into standalone validators (scripts/build/
 * compile-validators.mjs) that the validate stage prefers over compiling at run time. They must
 * report exactly what the run-time compiled validators report, errors included.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Compiled = ((data: unknown) => boolean) & { errors?: unknown[] | null; validatorVersion?: string };

const ROOT = join(__dirname, '..', '..');
const SPECS = join(__dirname, '..', 'fixtures', 'specs');

describe('build-time standalone validators', () => {
  // Inside the repository, like `dist/`: the generated code requires Ajv's runtime from node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.tmp', 'validators-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  let runtime: { getAjvValidator(version: string): Compiled };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build', 'compile-validators.mjs'), outDir]);
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    runtime = new Validator({ allErrors: true }) as unknown as typeof runtime;
  }, 60_000);

  const petstore = parse(readFileSync(join(SPECS, 'petstore.yaml'), 'utf8')) as Record<string, unknown>;
  const invalid = parse(readFileSync(join(SPECS, 'schema-invalid.yaml'), 'utf8')) as Record<string, unknown>;
  const documents: [string, Record<string, unknown>][] = [
    ['valid 3.0', { ...petstore, openapi: '3.0.3' }],
    ['valid 3.1', { ...petstore, openapi: '3.1.0' }],
    ['invalid 3.0', { ...invalid, openapi: '3.0.3' }],
    ['invalid 3.1', { ...invalid, openapi: '3.1.0' }],
    ['bad pattern (format regex)', { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: 'string', pattern: '\\A[a-z]+\\Z' } } } }],
    ['bad server url', { openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url: 7 }], paths: {} }],
  ];

  it.each(documents)('reports the same as run-time compilation: %s', (_name, document) => {
    const version = String(document['openapi']).slice(0, 3);
    const standalone = require(join(outDir, `openapi-${version}.js`)) as Compiled;
    const compiled = runtime.getAjvValidator(version);
    expect(standalone(document)).toBe(compiled(document));
    expect(standalone.errors ?? null).toEqual(compiled.errors ?? null);
  });

  it('records the validator version it was built from', () => {
    const standalone = require(join(outDir, 'openapi-3.0.js')) as Compiled;
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@seriousme', 'openapi-schema-validator', 'package.json'), 'utf8')) as { version: string };
    expect(standalone.validatorVersion).toBe(installed.version);
  });
});
