/**
 * `npm run build` compiles the config schema into a standalone validator
 * (scripts/build/compile-config-validator.mjs) that config loading prefers over compiling at run
 * time (generator/config/config-schema.ts). It must report exactly what the run-time compiled
 * validator reports, errors included, and be keyed so that a changed schema is not served by it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { configAjvOptions, configSchemaFile, configValidatorKey } from '../../generator/config/config-schema';

type Built = ((data: unknown) => boolean) & { errors?: unknown[] | null; key?: string; ajvVersion?: string };

const ROOT = join(__dirname, '..', '..');

describe('build-time config validator', () => {
  // Inside the repository, like `dist/`: the generated code requires Ajv's runtime from node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'config-validator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'config-validator.js');
  const schemaText = readFileSync(configSchemaFile(), 'utf8');
  let built: Built;
  let compiled: Built;

  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build', 'compile-config-validator.mjs'), file]);
    built = require(file) as Built;
    compiled = new Ajv(configAjvOptions()).compile(JSON.parse(schemaText) as object) as Built;
  }, 60_000);

  it.each([
    ['a full valid config', { input: 'a.yaml', targets: { typescript: { output: 'ts' }, python: { output: 'py', package: { name: 'a-b' } } }, package: { name: '@scope/pkg', version: '1.2.3' }, client: { className: 'MyClient' } }],
    ['an empty config', {}],
    ['an unknown key', { inptu: 'api.yaml' }],
    ['an unknown nested key', { package: { nmae: 'x' } }],
    ['a wrong type', { allowRemoteRefs: 'yes' }],
    ['a number for a version', { package: { version: 1.0 } }],
    ['a non-mapping', ['a']],
    ['an invalid package name', { package: { name: 'My Package' } }],
    ['an empty string', { input: '' }],
    ['an unknown target', { targets: { cobol: { output: 'x' } } }],
  ])('reports the same as run-time compilation: %s', (_name, config) => {
    expect(built(config)).toBe(compiled(config));
    expect(built.errors ?? null).toEqual(compiled.errors ?? null);
  });

  it('is keyed by the schema text and the options, and records the Ajv that built it', () => {
    expect(built.key).toBe(configValidatorKey(schemaText));
    expect(configValidatorKey(`${schemaText} `)).not.toBe(built.key);
    const ajv = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version: string };
    expect(built.ajvVersion).toBe(ajv.version);
  });
});
