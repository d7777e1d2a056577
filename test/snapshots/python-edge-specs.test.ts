/**
 * The Python target over every edge spec of test/fixtures/corpus/edge/ and the Shell EV spec:
 * whole-output snapshots (runtime copies listed by name), then every generated package checked at
 * once the way its own pyproject says: `ruff check`, `ruff format --check`, `mypy --strict`
 * (Python 3.9), and imported with a client built, so import-time errors (model references that do
 * not resolve, bad defaults) fail here rather than at a user's.
 *
 * Uses the test venv (`scripts/test/venv.mjs`; `npm test` creates it first).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../generator/config';
import { generateFiles, type GenerationResult } from '../../generator/pipeline';
import type { Problem } from '../../generator/problems';
import { importPackageName } from '../../generator/targets/python';
import { config } from '../ir/helpers';

const ROOT = path.resolve(__dirname, '../..');
const EDGE = path.join(ROOT, 'test/fixtures/corpus/edge');
const OUT = path.join(ROOT, '.tmp', 'python-edge');

function venvPython(): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/test/venv.mjs')], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop() as string;
}

function edgeSpecs(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ya?ml|json)$/.test(entry.name) && !fs.readFileSync(file, 'utf8').startsWith('# Fragment')) out.push(file);
    }
  };
  walk(EDGE);
  return out.map((f) => path.relative(EDGE, f).split(path.sep).join('/')).sort();
}

const slug = (rel: string): string => rel.replace(/\.(ya?ml|json)$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();

function snapshotOf(result: GenerationResult): { files: Record<string, string>; warnings: string[] } {
  const files: Record<string, string> = {};
  for (const f of result.outputs[0]?.files ?? []) {
    files[f.path] = /\/_runtime\//.test(f.path) ? '(copied from templates/python/runtime)' : f.contents;
  }
  const where = (p: Problem): string =>
    p.location ? `${path.relative(ROOT, p.location.file).split(path.sep).join('/')}:${p.location.line}:${p.location.column}` : (p.pointer ?? '');
  return { files, warnings: result.warnings.map((w) => `${where(w)}: ${w.message}`) };
}

const SPECS = edgeSpecs();
/** Every rendered package: folder name → (import name, result). */
const rendered = new Map<string, { importName: string; result: GenerationResult }>();

describe('python: whole-output snapshots', () => {
  test.each(SPECS)('%s', async (rel) => {
    const input = path.join(EDGE, rel);
    const packageName = `edge-${slug(rel)}`;
    const result = await generateFiles(config({ input, refRoot: path.dirname(input), packageName, target: 'python' }));
    rendered.set(slug(rel), { importName: importPackageName(packageName), result });
    expect(snapshotOf(result)).toMatchSnapshot();
  });

  test('the Shell EV SDK as sdkgen.config.yaml generates it', async () => {
    const repo = await resolveConfig({ target: 'python' }, ROOT);
    const result = await generateFiles(repo);
    rendered.set('shell-ev', { importName: 'shellev', result });
    expect(result.outputs[0]?.files.find((f) => f.path === 'shellev/shellev_client.py')?.contents).toContain('class ShellevClient:');
    expect(snapshotOf(result)).toMatchSnapshot();
  });
});

/** Uses of the split models that must type-check (see the mypy usage test). */
const PY_USAGE = `from __future__ import annotations

from edge_schemas_readonly_writeonly_split.models import Accepted, AcceptedStatus, OwnerWritable, Pet, PetWritable, SignUp
from shellev.models import GetChargeSessionRetrieveResponse200JsonStatusEnum, InlineResponse2021
from typing_extensions import assert_type


def stop_status(s: InlineResponse2021) -> str:
    # Response only: the required readOnly fields are required (not Optional).
    assert_type(s.status, GetChargeSessionRetrieveResponse200JsonStatusEnum)
    assert_type(s.request_id, str)
    return s.request_id.upper()


def accepted(a: Accepted) -> str:
    assert_type(a.request_id, str)
    Accepted(status=AcceptedStatus.SUCCESS)  # type: ignore[call-arg]
    return a.request_id


def requests() -> None:
    PetWritable(name="Rex", secret="s")
    PetWritable(name="Rex")  # type: ignore[call-arg]
    PetWritable(name="Rex", secret="s", id=1)  # type: ignore[call-arg]
    SignUp(email="a@example.com", password="p")
    SignUp(email="a@example.com")  # type: ignore[call-arg]
    OwnerWritable(pets=[PetWritable(name="Rex", secret="s")])
    OwnerWritable(pets=[Pet(id=1, name="Rex")])  # type: ignore[list-item]


def responses(p: Pet) -> int:
    assert_type(p.id, int)
    Pet(name="Rex")  # type: ignore[call-arg]
    return p.id
`;

describe('python: the generated packages lint, type-check and import', () => {
  let python = '';
  beforeAll(() => {
    python = venvPython();
    fs.rmSync(OUT, { recursive: true, force: true });
    for (const [name, { result }] of rendered) {
      for (const f of result.outputs[0]?.files ?? []) {
        const file = path.join(OUT, name, ...f.path.split('/'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, f.contents);
      }
    }
  });

  const run = (args: string[], cwd = OUT): void => {
    try {
      execFileSync(python, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`${args.slice(0, 3).join(' ')} failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 8000)}`);
    }
  };

  test('every SDK was rendered', () => {
    expect(rendered.size).toBe(SPECS.length + 1);
  });

  test('ruff check and ruff format --check (each package by its own pyproject.toml)', () => {
    run(['-m', 'ruff', 'check', '--no-cache', '.']);
    run(['-m', 'ruff', 'format', '--check', '--no-cache', '.']);
  });

  test('mypy --strict (Python 3.9) over every package at once', () => {
    const packages = [...rendered].map(([name, { importName }]) => path.join(name, importName));
    run(['-m', 'mypy', '--strict', '--python-version', '3.9', '--no-incremental', '--cache-dir', path.join(OUT, '.mypy'), ...packages]);
  });

  // Type-level promises of the readOnly/writeOnly split, checked by mypy against the packages (each
  // `# type: ignore[...]` must be needed: --strict warns about unused ones, so a field that is not
  // required fails the check).
  test('mypy --strict: response models require their required readOnly fields; request variants leave them out', () => {
    const usage = path.join(OUT, '.usage');
    fs.mkdirSync(usage, { recursive: true });
    fs.writeFileSync(path.join(usage, 'split_usage.py'), PY_USAGE);
    const env = { ...process.env, MYPYPATH: [path.join(OUT, 'shell-ev'), path.join(OUT, 'schemas-readonly-writeonly-split')].join(path.delimiter) };
    try {
      execFileSync(python, ['-m', 'mypy', '--strict', '--python-version', '3.9', '--no-incremental', '--cache-dir', path.join(OUT, '.mypy-usage'), path.join(usage, 'split_usage.py')], {
        cwd: OUT,
        encoding: 'utf8',
        stdio: 'pipe',
        env,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`mypy over the usage file failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 8000)}`);
    }
  });

  test('every package imports, and its client can be built', () => {
    const program = [...rendered]
      .map(([name, { importName }]) => {
        const files = rendered.get(name)?.result.outputs[0]?.files ?? [];
        const clientFile = files.find((f) => /^[^/]+\/[a-z0-9_]+_client\.py$/.test(f.path))?.path ?? '';
        const clientModule = path.basename(clientFile, '.py');
        const clientClass = /\nclass ([A-Za-z0-9_]+):/.exec(files.find((f) => f.path === clientFile)?.contents ?? '')?.[1] ?? '';
        return [
          `sys.path.insert(0, ${JSON.stringify(path.join(OUT, name))})`,
          `importlib.import_module(${JSON.stringify(`${importName}.models`)})`,
          `module = importlib.import_module(${JSON.stringify(`${importName}.${clientModule}`)})`,
          `try:\n    getattr(module, ${JSON.stringify(clientClass)})(base_url="https://api.example.com").close()\nexcept Exception as error:\n    raise SystemExit(f"${name}: {error!r}")`,
        ].join('\n');
      })
      .join('\n');
    run(['-c', `import importlib, sys\n${program}`]);
  });
});
