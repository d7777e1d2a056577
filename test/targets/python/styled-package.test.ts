/**
 * The package-level files are printed in ruff's style too: `configuration.py`, `_settings.py`,
 * the client module, the quickstart and the README's Python blocks (the models, errors and
 * controllers are checked in styled-modules.test.ts and styled-controllers.test.ts). This checks
 * them against ruff itself for APIs with every auth kind (client credentials, API key, Basic,
 * bearer), server variables and pagination, with short names and with names long enough that
 * signatures, calls and conditional expressions split; and it checks that the Shell EV SDK needs no
 * formatting at all (which is what spares its generation loading ruff).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { viewInput } from '../../../generator/pipeline';
import { renderTarget, type GeneratedFile } from '../../../generator/render';
import { pythonTarget } from '../../../generator/targets/python';
import { fitsRuffLines, RUFF_SETTINGS } from '../../../generator/targets/python/format';
import { pyConditional } from '../../../generator/targets/python/view/py-layout';
import { buildNeutral, targetConfig } from '../../ir/helpers';

const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
const PYTHON_FENCE = /^```python\n([\s\S]*?)^```$/gm;

/** The Python texts of a file the formatter would see: a module, or each block of a page. */
function codeOf(file: GeneratedFile): string[] {
  if (file.path.endsWith('.py')) return [file.contents];
  return [...file.contents.matchAll(PYTHON_FENCE)].map((m) => m[1] as string);
}

function render(document: Record<string, unknown>, packageName: string, clientName?: string): GeneratedFile[] {
  const { ir } = buildNeutral(document);
  return renderTarget(pythonTarget, viewInput(ir, targetConfig({ target: 'python', packageName, ...(clientName === undefined ? {} : { clientName }) })), []);
}

const PACKAGE_FILES = (pkg: string, clientModule: string): string[] => [`${pkg}/configuration.py`, `${pkg}/_settings.py`, `${pkg}/${clientModule}.py`, 'examples/quickstart.py', 'README.md'];

/** An API with every auth kind, server variables and a paginated operation. */
function everyConstruct(longNames: boolean): Record<string, unknown> {
  const n = (name: string): string => (longNames ? `${name}WithAQuiteLongSchemeNameThatMakesLinesWrap` : name);
  return {
    openapi: '3.0.3',
    info: { title: 'Every construct', version: '1.0.0', description: 'An API with "quotes" and a backslash \\ in its description.' },
    servers: [
      { url: 'https://{region}.example.com/{basePath}', description: 'Regional server.', variables: { region: { default: 'eu', enum: ['eu', 'us'] }, basePath: { default: 'v1' } } },
      { url: 'https://sandbox.example.com', description: 'Sandbox.' },
    ],
    security: [{ [n('oauth')]: [] }],
    components: {
      securitySchemes: {
        [n('oauth')]: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'Read.' } } } },
        [n('key')]: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        [n('basic')]: { type: 'http', scheme: 'basic' },
        [n('bearer')]: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
    },
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          tags: ['items'],
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer' } },
            { name: 'RequestId', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          'x-sdkgen-pagination': { style: 'page', parameter: 'page', items: 'data' },
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } } } },
        },
      },
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          tags: ['items'],
          security: [{ [n('key')]: [] }, { [n('basic')]: [] }, { [n('bearer')]: [] }, { [n('oauth')]: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, 404: { description: 'missing' } },
        },
      },
    },
  };
}

describe('python: package files printed in ruff’s style', () => {
  test.each<[string, boolean, string, string | undefined, string]>([
    ['short names', false, 'things', undefined, 'every_construct_client'],
    ['long names', true, 'things', 'EveryConstructClientWithAVeryLongNameIndeed', 'every_construct_client_with_a_very_long_name_indeed'],
    ['a long package name', false, 'an-sdk-package-name-long-enough-that-environment-variables-wrap', undefined, 'every_construct_client'],
  ])('every package file kept as printed is what ruff writes: %s', (_label, longNames, packageName, clientName, clientModule) => {
    const files = render(everyConstruct(longNames), packageName, clientName);
    const pkg = packageName.replace(/-/g, '_');
    const client = `${pkg}/${clientModule}.py`;
    const checked = PACKAGE_FILES(pkg, clientModule).map((p) => files.find((f) => f.path === p));
    expect(checked.map((f) => [f?.path, f?.styled])).toEqual(PACKAGE_FILES(pkg, clientModule).map((p) => [p, true]));
    let kept = 0;
    for (const file of checked as GeneratedFile[]) {
      for (const code of codeOf(file).filter(fitsRuffLines)) {
        kept++;
        expect({ path: file.path, text: ruff.format(code) }).toEqual({ path: file.path, text: code });
      }
    }
    // The constructs are there and kept (the test would prove little otherwise).
    const text = (p: string): string => files.find((f) => f.path === p)?.contents ?? '';
    const configuration = text(`${pkg}/configuration.py`);
    const clientText = text(client);
    // A long package name leaves some lines (the User-Agent, environment variables' names) to ruff,
    // and the modules with them; otherwise every line fits.
    if (packageName === 'things') for (const p of [`${pkg}/configuration.py`, client, `${pkg}/_settings.py`, 'examples/quickstart.py']) expect([p, fitsRuffLines(text(p))]).toEqual([p, true]);
    expect(configuration).toMatch(/ {4}def clone_with\(\n {8}self,\n {8}\*,\n/);
    expect(configuration).toMatch(/ {8}return \(\n {12}self\._validate_responses\n {12}if /);
    expect(configuration).toMatch(/^DEFAULT_ENVIRONMENT = /m);
    expect(clientText).toMatch(/ {8}self\.config = base\.clone_with\(\n {12}environment=environment,\n/);
    expect(clientText).toContain('ApiKeyAuthProvider(');
    expect(clientText).toContain('BasicAuthProvider(');
    expect(clientText).toContain('BearerTokenAuthProvider(');
    expect(clientText).toMatch(/ {4}def __exit__\(\n {8}self, exc_type/);
    if (longNames) {
      expect(configuration).toMatch(/^ {12}\w+=self\._\w+\n {12}if \w+ is None\n {12}else \w+,$/m);
      expect(clientText).toMatch(/ {8}self\._http\.register_auth\(\n {12}"\w+",\n {12}\w+AuthProvider\(/);
    }
    expect(kept).toBeGreaterThan(5);
  });

  test('the Shell EV SDK needs no formatting: every file the formatter would see is styled and kept as printed', () => {
    const file = path.join(__dirname, '..', '..', '..', 'spec', 'shell-ev.yaml');
    const files = render(parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>, 'shellev');
    // Runtime files are copied as committed: everything else goes to the formatter.
    const seen = files.filter((f) => !f.path.startsWith('shellev/_runtime/') && codeOf(f).length > 0);
    expect(seen.length).toBeGreaterThan(20);
    const formatted = seen.filter((f) => f.styled !== true || !codeOf(f).every(fitsRuffLines)).map((f) => f.path);
    expect(formatted).toEqual([]);
    for (const f of seen) for (const code of codeOf(f)) expect({ path: f.path, text: ruff.format(code) }).toEqual({ path: f.path, text: code });
  });

  // With `s` the size below, the expression is 3s + 45 characters wide: at 8 spaces after
  // `return ` it fits up to s = 20; on a line of its own (12 spaces), up to s = 21.
  test.each<[string, number, boolean]>([
    ['fits on one line', 10, true],
    ['parenthesized on a line of its own', 21, true],
    ['split before if and else', 40, true],
    ['a keyword argument split before if and else', 30, false],
  ])('a conditional expression is laid out as ruff lays it out: %s', (_label, size, statement) => {
    const value = `self._${'v'.repeat(size)}`;
    const test = `${value} is not None`;
    const orElse = `fallback_${'f'.repeat(size)}()`;
    const module = statement
      ? `class A:\n    def f(self) -> object:\n${pyConditional('return ', value, test, orElse, 8, true)}\n`
      : `x = f(\n    a,\n${pyConditional(`${'k'.repeat(size)}=`, value, test, orElse, 4, false, ',')}\n)\n`;
    expect(ruff.format(module)).toBe(module);
  });
});
