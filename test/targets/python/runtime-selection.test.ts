/**
 * A Python SDK ships the optional runtime modules only when its API uses them, as the TypeScript
 * target does (test/targets/typescript/runtime-selection.test.ts): `pagination.py` for operations
 * marked as paginated, `request_ids.py` for header parameters of `format: uuid`. The runtime's
 * `__init__` imports neither, the package root exports the page classes only with pagination, and
 * every relative import of every generated module resolves to a file that was generated. Every
 * generated package also passes ruff and mypy --strict in test/snapshots/python-edge-specs.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { IrFeatures } from '../../../generator/ir';
import { renderTargetFiles } from '../../../generator/pipeline';
import { buildNeutral, doc, targetConfig } from '../../ir/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const RUNTIME = 'testsdk/_runtime/';

/** One GET operation, with a paginated query parameter and/or a required uuid header. */
function api(extra: { paginated?: boolean; requestId?: boolean } = {}): Record<string, unknown> {
  const parameters: unknown[] = [{ name: 'page', in: 'query', schema: { type: 'integer' } }];
  if (extra.requestId) parameters.push({ name: 'RequestId', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } });
  const op: Record<string, unknown> = {
    operationId: 'listThings',
    parameters,
    responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'string' } } } } } } } },
    ...(extra.paginated ? { 'x-sdkgen-pagination': { style: 'page', parameter: 'page', items: 'data' } } : {}),
  };
  return doc({ paths: { '/things': { get: op } }, extra: { servers: [{ url: 'https://api.example.com' }] } });
}

async function render(document: Record<string, unknown>): Promise<{ features: IrFeatures; files: Map<string, string> }> {
  const { ir } = buildNeutral(document);
  const files = await renderTargetFiles(ir, targetConfig({ target: 'python', packageName: 'testsdk', packageVersion: '1.0.0' }));
  return { features: ir.features, files: new Map(files.map((f) => [f.path, f.contents])) };
}

/** The file a relative `from .x.y import …` in `file` refers to, if it was generated. */
function resolves(files: ReadonlyMap<string, string>, file: string, module: string): boolean {
  const dots = /^\.+/.exec(module)?.[0].length ?? 0;
  let dir = path.posix.dirname(file);
  for (let i = 1; i < dots; i++) dir = path.posix.dirname(dir);
  const rest = module.slice(dots);
  const target = rest === '' ? dir : path.posix.join(dir, ...rest.split('.'));
  return files.has(`${target}.py`) || files.has(`${target}/__init__.py`);
}

test.each<[string, Record<string, unknown>, Partial<IrFeatures>]>([
  ['neither', api(), {}],
  ['pagination', api({ paginated: true }), { pagination: true }],
  ['request ids', api({ requestId: true }), { requestIds: true }],
  ['both', api({ paginated: true, requestId: true }), { pagination: true, requestIds: true }],
])('%s', async (_name, document, expected) => {
  const { features, files } = await render(document);
  expect({ pagination: features.pagination, requestIds: features.requestIds }).toEqual({ pagination: false, requestIds: false, ...expected });
  const modules: [keyof IrFeatures, string, string][] = [
    ['pagination', 'pagination.py', 'SyncPage'],
    ['requestIds', 'request_ids.py', 'new_request_id'],
  ];
  const root = files.get('testsdk/__init__.py') ?? '';
  const controllers = files.get('testsdk/controllers/default_controller.py') ?? '';
  for (const [feature, file, name] of modules) {
    expect([file, files.has(`${RUNTIME}${file}`)]).toEqual([file, features[feature]]);
    expect([name, controllers.includes(name)]).toEqual([name, features[feature]]);
  }
  expect(['SyncPage in the root', root.includes('SyncPage')]).toEqual(['SyncPage in the root', features.pagination]);
  // The core always ships, and the runtime's own __init__ never imports an optional module.
  for (const file of ['__init__.py', 'http_client.py', 'response.py', 'hooks.py', 'logs.py', 'error_text.py', 'errors.py']) {
    expect([file, files.has(`${RUNTIME}${file}`)]).toEqual([file, true]);
  }
  expect(files.get(`${RUNTIME}__init__.py`)).not.toMatch(/^from \.(pagination|request_ids) import/m);
  // Nothing generated imports a module that was left out.
  for (const [file, text] of files) {
    if (!file.endsWith('.py')) continue;
    for (const m of text.matchAll(/^\s*from (\.+[\w.]*) import/gm)) {
      expect([file, m[1], resolves(files, file, m[1] as string)]).toEqual([file, m[1], true]);
    }
  }
}, 60_000);

test('the Shell EV SDK ships both: getEvLocations pages, RequestId defaults to a fresh UUID', async () => {
  const document = parse(fs.readFileSync(path.join(ROOT, 'spec/shell-ev.yaml'), 'utf8')) as Record<string, unknown>;
  const { features, files } = await render(document);
  expect({ pagination: features.pagination, requestIds: features.requestIds }).toEqual({ pagination: true, requestIds: true });
  expect(files.has(`${RUNTIME}pagination.py`) && files.has(`${RUNTIME}request_ids.py`)).toBe(true);
}, 60_000);
