/**
 * Whole-output snapshots: every root spec under test/fixtures/corpus/edge/ (Swagger 2.0 included)
 * and the Shell EV SDK as the repository's sdkgen.config.yaml generates it, rendered in memory
 * with `generateFiles`, one snapshot per spec (file path → contents, plus the warnings).
 *
 * A snapshot diff shows exactly what a generator change does to real output; review it like code
 * (`npx jest test/snapshots -u` to accept). Runtime files are copied verbatim from
 * templates/typescript/runtime (not generated from the spec), so the snapshots only list them.
 *
 * Then all SDKs are type-checked in one `tsc --strict --noUnusedLocals` run (one tsconfig that
 * includes every SDK: one compiler start instead of thirty), together with usage files that pin
 * down typing promises (a request body type has no readOnly properties, a response type has its
 * required readOnly ones: the readOnly/writeOnly split), and the
 * generated code is checked with Prettier in one run.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../generator/config';
import { generateFiles, type GenerationResult } from '../../generator/pipeline';
import type { Problem } from '../../generator/problems';
import { config } from '../ir/helpers';

const ROOT = path.resolve(__dirname, '../..');
const EDGE = path.join(ROOT, 'test/fixtures/corpus/edge');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const PRETTIER = path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs');

/** Root documents of edge/ (multi-file fragments say `# Fragment` on their first line). */
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

/** What is snapshotted: generated files in full, runtime copies by name, warnings without absolute paths. */
function snapshotOf(result: GenerationResult): { files: Record<string, string>; warnings: string[] } {
  const files: Record<string, string> = {};
  for (const f of result.outputs[0]?.files ?? []) {
    files[f.path] = f.path.startsWith('src/runtime/') && f.path !== 'src/runtime/index.ts' ? '(copied from templates/typescript/runtime)' : f.contents;
  }
  const where = (p: Problem): string =>
    p.location ? `${path.relative(ROOT, p.location.file).split(path.sep).join('/')}:${p.location.line}:${p.location.column}` : (p.pointer ?? '');
  return { files, warnings: result.warnings.map((w) => `${where(w)}: ${w.message}`) };
}

const SPECS = edgeSpecs();
/** Every rendered SDK, by folder name, for the compile step. */
const rendered = new Map<string, GenerationResult>();

describe('edge specs: whole-output snapshots', () => {
  test.each(SPECS)('%s', async (rel) => {
    const input = path.join(EDGE, rel);
    const result = await generateFiles(config({ input, refRoot: path.dirname(input), packageName: `edge-${slug(rel)}` }));
    rendered.set(slug(rel), result);
    expect(snapshotOf(result)).toMatchSnapshot();
  });

  test('the Shell EV SDK as sdkgen.config.yaml generates it', async () => {
    const result = await generateFiles(await resolveConfig({}, ROOT));
    rendered.set('shell-ev', result);
    expect(result.outputs[0]?.files.find((f) => f.path === 'src/client.ts')?.contents).toContain('export class ShellevClient {');
    expect(snapshotOf(result)).toMatchSnapshot();
  });
});

/** Type-level promises checked against the generated SDKs (compiled with them). */
const USAGE: Record<string, string> = {
  'read-write-only.ts': `import type { User, UserWritable } from '../schemas-readonly-writeonly/src/index.js';
import { ReadOnlyWriteOnlyEdgeClient } from '../schemas-readonly-writeonly/src/index.js';

// User is used both ways: the request body type leaves out the readOnly \`id\` …
export async function create(client: ReadOnlyWriteOnlyEdgeClient): Promise<string> {
  const body: UserWritable = { email: 'a@example.com', password: 'secret' };
  // @ts-expect-error a request body has no readOnly id (the server sets it)
  const withId: UserWritable = { email: 'a@example.com', password: 'secret', id: 'x' };
  // @ts-expect-error the writeOnly password is required in requests
  const noPassword: UserWritable = { email: 'a@example.com' };
  void withId;
  void noPassword;
  const created: User = await client.default.createUser({ body });
  // @ts-expect-error a response has no writeOnly password
  void created.password;
  // … and the response type has the required readOnly \`id\`, no \`!\` needed.
  return created.id.toUpperCase();
}

// readOnly stays readonly.
export function rename(user: User): void {
  // @ts-expect-error id is read-only
  user.id = 'x';
}
`,
  'read-write-split.ts': `import type { Accepted, Dog, DogWritable, Owner, OwnerWritable, Pet, PetWritable, SignUp, Tag } from '../schemas-readonly-writeonly-split/src/index.js';
import { ReadOnlyWriteOnlySplitEdgeClient } from '../schemas-readonly-writeonly-split/src/index.js';

export async function flows(client: ReadOnlyWriteOnlySplitEdgeClient): Promise<string> {
  // Response only: required readOnly fields are required.
  const accepted: Accepted = await client.default.createPets({ body: [{ name: 'Rex', secret: 's' }] });
  // @ts-expect-error a response-only model has no writeOnly field
  void accepted.token;
  // Request only: no readOnly id; the required writeOnly password is required.
  const signUp: SignUp = { email: 'a@example.com', password: 'secret' };
  // @ts-expect-error password is required in SignUp
  const noPassword: SignUp = { email: 'a@example.com' };
  void noPassword;
  await client.default.signUp({ body: signUp });
  // Nested refs and arrays: request variants all the way down.
  const owner: OwnerWritable = { pets: [{ name: 'Rex', secret: 's', tags: [{ name: 't' }] }], favourite: { name: 'Fido', secret: 's' } };
  const saved: Owner = await client.default.putOwner({ body: owner });
  const first: Pet | undefined = saved.pets[0];
  const ids: number[] = saved.pets.map((p) => p.id);
  // @ts-expect-error a request variant refers to PetWritable, which has no id
  const withId: OwnerWritable = { pets: [{ id: 1, name: 'Rex', secret: 's' }] };
  void withId;
  // allOf of a split model.
  const dog: DogWritable = { name: 'Rex', secret: 's', barks: true };
  const created: Dog = await client.default.createDog({ body: dog });
  const pets: Pet[] = await client.default.listPets();
  const writable: PetWritable = { name: 'x', secret: 'y' };
  const tag: Tag = { name: 't' };
  void first;
  void ids;
  void pets;
  void writable;
  void tag;
  return \`\${accepted.status.toUpperCase()} \${accepted.requestId} \${created.id.toFixed(0)} \${created.barks}\`;
}
`,
  'shell-ev-required.ts': `import type { InlineResponse2021 } from '../shell-ev/src/index.js';

// The stop response's required readOnly fields are required: no \`!\`.
export function statusOf(s: InlineResponse2021): string {
  return \`\${s.status.toUpperCase()} \${s.requestId.toUpperCase()}\`;
}
`,
  'recursive.ts': `import type { JsonValue } from '../schemas-recursive/src/index.js';

export const value: JsonValue = { a: [1, 'two', { b: null, c: [true] }] };
`,
};

describe('edge specs: the generated SDKs compile and are formatted', () => {
  const dir = path.join(ROOT, '.tmp', `snapshots-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('tsc --strict --noUnusedLocals over every SDK at once', () => {
    expect(rendered.size).toBe(SPECS.length + 1);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, result] of rendered) {
      for (const f of result.outputs[0]?.files ?? []) {
        const target = path.join(dir, name, ...f.path.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.contents);
      }
    }
    for (const [file, text] of Object.entries(USAGE)) {
      fs.mkdirSync(path.join(dir, 'usage'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'usage', file), text);
    }
    // The SDKs' own compiler options, one program over all of them.
    const own = JSON.parse(fs.readFileSync(path.join(dir, 'shell-ev', 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    const { rootDir: _rootDir, outDir: _outDir, ...options } = own.compilerOptions;
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...options, noEmit: true, strict: true, noUnusedLocals: true, types: ['node'] }, include: ['*/src/**/*.ts', 'usage/*.ts'] }),
    );
    try {
      execFileSync(process.execPath, [TSC, '-p', dir, '--pretty', 'false'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      throw new Error(`tsc failed:\n${String((error as { stdout?: string }).stdout ?? error).slice(0, 8000)}`);
    }
  });

  test('prettier --check over the generated TypeScript (runtime copies are formatted by their owners)', () => {
    const files = [...rendered].flatMap(([name, result]) =>
      (result.outputs[0]?.files ?? [])
        .filter((f) => f.path.endsWith('.ts') && (!f.path.startsWith('src/runtime/') || f.path === 'src/runtime/index.ts'))
        .map((f) => path.join(name, ...f.path.split('/'))),
    );
    const prettierrc = path.join(dir, 'shell-ev', '.prettierrc.json');
    try {
      execFileSync(process.execPath, [PRETTIER, '--config', prettierrc, '--check', ...files], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`prettier --check failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 8000)}`);
    }
  });
});
