/**
 * `sdkgen diff`: table-driven pairs of small specs, each with the change it must report and the
 * bump it must suggest; plus the CLI's Markdown and `--json` output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { diff } from '../../generator/api/diff';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'generator', 'cli', 'main.js');

type Doc = Record<string, unknown>;

/** A small API: `GET /pets` (query `limit`), `POST /pets` (body Pet), models Pet and Color. */
function base(): Doc {
  return {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1.2.3' },
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          tags: ['pets'],
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } } },
        },
        post: {
          operationId: 'createPet',
          tags: ['pets'],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    components: {
      schemas: {
        Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' }, color: { $ref: '#/components/schemas/Color' } } },
        Color: { type: 'string', enum: ['red', 'green'] },
      },
    },
  };
}

/** The object at `path` in a fixture document (fixtures are plain JSON, shaped as `base()` builds them). */
const at = (d: unknown, ...path: string[]): Record<string, unknown> =>
  path.reduce((node, key) => node[key] as Record<string, unknown>, d as Record<string, unknown>);
const list = (d: unknown, ...path: string[]): unknown[] => {
  const parent = at(d, ...path.slice(0, -1));
  return parent[path[path.length - 1] as string] as unknown[];
};
const edit = (f: (d: Doc) => void): Doc => {
  const d = base();
  f(d);
  return d;
};
const GET = ['paths', '/pets', 'get'];
const PET = ['components', 'schemas', 'Pet'];
const COLOR = ['components', 'schemas', 'Color'];

const CASES: readonly [string, Doc, { kind: string; target: string; member?: string }, 'major' | 'minor' | 'patch'][] = [
  ['nothing changed', base(), { kind: '', target: '' }, 'patch'],
  ['operation removed', edit((d) => delete at(d, 'paths', '/pets')['post']), { kind: 'operation-removed', target: 'createPet' }, 'major'],
  ['operation added', edit((d) => (at(d, 'paths')['/pets/{id}'] = { delete: { operationId: 'deletePet', tags: ['pets'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'gone' } } } })), { kind: 'operation-added', target: 'deletePet' }, 'minor'],
  ['optional parameter added', edit((d) => list(d, ...GET, 'parameters').push({ name: 'q', in: 'query', schema: { type: 'string' } })), { kind: 'parameter-added', target: 'listPets', member: 'q' }, 'minor'],
  ['required parameter added', edit((d) => list(d, ...GET, 'parameters').push({ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } })), { kind: 'parameter-added', target: 'listPets', member: 'X-Tenant' }, 'major'],
  ['parameter removed', edit((d) => (at(d, ...GET)['parameters'] = [])), { kind: 'parameter-removed', target: 'listPets', member: 'limit' }, 'major'],
  ['parameter made required', edit((d) => (at(d, ...GET, 'parameters', '0')['required'] = true)), { kind: 'parameter-required-changed', target: 'listPets', member: 'limit' }, 'major'],
  ['parameter type changed', edit((d) => (at(d, ...GET, 'parameters', '0')['schema'] = { type: 'string' })), { kind: 'parameter-type-changed', target: 'listPets', member: 'limit' }, 'major'],
  ['response type changed', edit((d) => (at(d, ...GET, 'responses', '200', 'content', 'application/json')['schema'] = { $ref: '#/components/schemas/Pet' })), { kind: 'response-type-changed', target: 'listPets' }, 'major'],
  ['model added', edit((d) => (at(d, 'components', 'schemas')['Owner'] = { type: 'object', properties: { id: { type: 'string' } } })), { kind: 'model-added', target: 'Owner' }, 'minor'],
  ['optional property added', edit((d) => (at(d, ...PET, 'properties')['age'] = { type: 'integer' })), { kind: 'property-added', target: 'Pet', member: 'age' }, 'minor'],
  ['property removed', edit((d) => delete at(d, ...PET, 'properties')['tag']), { kind: 'property-removed', target: 'Pet', member: 'tag' }, 'major'],
  ['property type changed', edit((d) => (at(d, ...PET, 'properties')['tag'] = { type: 'integer' })), { kind: 'property-type-changed', target: 'Pet', member: 'tag' }, 'major'],
  ['property made required', edit((d) => list(d, ...PET, 'required').push('tag')), { kind: 'property-required-changed', target: 'Pet', member: 'tag' }, 'major'],
  ['enum value added', edit((d) => list(d, ...COLOR, 'enum').push('blue')), { kind: 'enum-value-added', target: 'Color', member: '"blue"' }, 'minor'],
  ['enum value removed', edit((d) => list(d, ...COLOR, 'enum').pop()), { kind: 'enum-value-removed', target: 'Color', member: '"green"' }, 'major'],
  ['readOnly property added (Pet is split: the request variant is no model of its own)', edit((d) => (at(d, ...PET, 'properties')['id'] = { type: 'string', readOnly: true })), { kind: 'property-added', target: 'Pet', member: 'id' }, 'minor'],
  ['required writeOnly property added (in the request variant only; still a breaking change)', edit((d) => {
    at(d, ...PET, 'properties')['secret'] = { type: 'string', writeOnly: true };
    list(d, ...PET, 'required').push('secret');
  }), { kind: 'property-added', target: 'Pet', member: 'secret' }, 'major'],
  ['error response added', edit((d) => (at(d, ...GET, 'responses')['404'] = { description: 'none' })), { kind: 'errors-changed', target: 'listPets' }, 'patch'],
];

function writeSpecs(after: Doc): { cwd: string; from: string; to: string } {
  const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'sdkgen-diff-')));
  writeFileSync(join(cwd, 'old.yaml'), stringify(base()));
  writeFileSync(join(cwd, 'new.yaml'), stringify(after));
  return { cwd, from: 'old.yaml', to: 'new.yaml' };
}

describe('diff: changes and suggested bump', () => {
  it.each(CASES)('%s', async (_name, after, expected, bump) => {
    const { cwd, from, to } = writeSpecs(after);
    const result = await diff({ from, to, cwd });
    expect(result.bump).toBe(bump);
    if (expected.kind === '') expect(result.changes).toEqual([]);
    else expect(result.changes).toContainEqual(expect.objectContaining(expected));
    expect(result.suggestedVersion).toBe({ major: '2.0.0', minor: '1.3.0', patch: '1.2.4' }[bump]);
  });
});

describe('cli: diff', () => {
  const after = edit((d) => {
    delete at(d, 'paths', '/pets')['post'];
    list(d, ...COLOR, 'enum').push('blue');
    at(d, ...PET, 'properties')['tag'] = { type: 'string', description: 'a | b `tick`' };
  });

  it('prints a CHANGELOG section in Markdown', () => {
    const { cwd } = writeSpecs(after);
    const r = spawnSync(process.execPath, [CLI, 'diff', 'old.yaml', 'new.yaml'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '## new 2.0.0',
        '',
        'Suggested version bump: **major** (1.2.3 → 2.0.0), comparing `old.yaml` with `new.yaml`.',
        '',
        '### Breaking changes',
        '',
        '- Removed `createPet` (`POST /pets`)',
        '',
        '### Added',
        '',
        '- `Color`: new value `"blue"`',
        '',
      ].join('\n'),
    );
  });

  it('--json gives the same data, machine-readable', () => {
    const { cwd } = writeSpecs(after);
    const r = spawnSync(process.execPath, [CLI, 'diff', 'old.yaml', 'new.yaml', '--json'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as { bump: string; suggestedVersion: string; changes: { kind: string }[] };
    expect(data).toMatchObject({ bump: 'major', suggestedVersion: '2.0.0', from: { version: '1.2.3' } });
    expect(data.changes.map((c) => c.kind)).toEqual(['operation-removed', 'enum-value-added']);
  });

  it('an invalid spec exits 1 with located problems; a missing argument exits 2', () => {
    const { cwd } = writeSpecs(base());
    writeFileSync(join(cwd, 'bad.yaml'), 'openapi: 3.0.3\ninfo: [\n');
    const bad = spawnSync(process.execPath, [CLI, 'diff', 'old.yaml', 'bad.yaml'], { cwd, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+: YAML syntax error/);
    expect(spawnSync(process.execPath, [CLI, 'diff', 'old.yaml'], { cwd, encoding: 'utf8' }).status).toBe(2);
  });
});
