import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InternalError, UserError } from '../../generator/errors';
import { diffOutput, MANIFEST_FILE, writeOutput, type OutputFile } from '../../generator/write';
import { sha256 } from '../../generator/write/manifest';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sdkgen-write-'));
}

/** Every file under `dir` (relative POSIX path → contents), for byte-for-byte comparisons. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

const v1: OutputFile[] = [
  { path: 'package.json', contents: '{"name":"x"}\n' },
  { path: 'src/index.ts', contents: "export * from './client';\n" },
  { path: 'src/client.ts', contents: 'export class Client {}\n' },
  { path: 'src/models/pet.ts', contents: 'export interface Pet {}\n' },
];

describe('writeOutput', () => {
  it('writes files and a sorted, hashed, timestamp-free manifest', async () => {
    const out = join(tempDir(), 'sdk');
    const report = await writeOutput(out, v1);
    expect(report).toMatchObject({ written: ['package.json', 'src/client.ts', 'src/index.ts', 'src/models/pet.ts'], unchanged: [], removed: [] });
    expect(readFileSync(join(out, 'src/models/pet.ts'), 'utf8')).toBe('export interface Pet {}\n');
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as { files: Array<{ path: string; sha256: string }> };
    expect(manifest.files.map((f) => f.path)).toEqual(['package.json', 'src/client.ts', 'src/index.ts', 'src/models/pet.ts']);
    expect(manifest.files[1]?.sha256).toBe(sha256('export class Client {}\n'));
    expect(readdirSync(out).filter((n) => n.startsWith('.sdkgen-staging'))).toEqual([]);
  });

  it('is deterministic: two runs give identical bytes and manifest, whatever the input order', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    await writeOutput(a, v1);
    await writeOutput(b, [...v1].reverse());
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('does not rewrite unchanged files (mtime kept) and reports them', async () => {
    const out = tempDir();
    await writeOutput(out, v1);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(out, 'src/client.ts'), old, old);
    const report = await writeOutput(out, v1.map((f) => (f.path === 'package.json' ? { ...f, contents: '{"name":"y"}\n' } : f)));
    expect(report.written).toEqual(['package.json']);
    expect(report.unchanged).toHaveLength(3);
    expect(statSync(join(out, 'src/client.ts')).mtime.getTime()).toBe(old.getTime());
  });

  it('removes files it generated before and no longer generates, and leaves user files alone', async () => {
    const out = tempDir();
    await writeOutput(out, v1);
    writeFileSync(join(out, 'NOTES.md'), 'mine\n');
    mkdirSync(join(out, 'src', 'custom'));
    writeFileSync(join(out, 'src', 'custom', 'helper.ts'), 'mine too\n');
    const report = await writeOutput(out, v1.filter((f) => f.path !== 'src/models/pet.ts'));
    expect(report.removed).toEqual(['src/models/pet.ts']);
    expect(existsSync(join(out, 'src/models'))).toBe(false); // emptied folder tidied
    expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(out, 'src/custom/helper.ts'), 'utf8')).toBe('mine too\n');
  });

  it('refuses to overwrite a file it did not generate, unless forced', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'src'));
    writeFileSync(join(out, 'src', 'client.ts'), 'hand-written\n');
    await expect(writeOutput(out, v1)).rejects.toThrow(UserError);
    await expect(writeOutput(out, v1)).rejects.toThrow(/src\/client\.ts.*--force/);
    expect(readFileSync(join(out, 'src/client.ts'), 'utf8')).toBe('hand-written\n');
    expect(existsSync(join(out, 'package.json'))).toBe(false);
    await writeOutput(out, v1, { force: true });
    expect(readFileSync(join(out, 'src/client.ts'), 'utf8')).toBe('export class Client {}\n');
  });

  it.each([['../x.ts'], ['/abs.ts'], ['a/../../b.ts'], ['a/./b.ts'], ['a//b.ts'], ['a\\b.ts'], ['nul\0.ts'], [''], [MANIFEST_FILE], ['.sdkgen-staging-1/x']])(
    'rejects the unsafe path %j before writing anything',
    async (path) => {
      const out = tempDir();
      await expect(writeOutput(out, [...v1, { path, contents: 'x' }])).rejects.toThrow(InternalError);
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it('rejects a path generated twice', async () => {
    await expect(writeOutput(tempDir(), [...v1, v1[0] as OutputFile])).rejects.toThrow(/generated twice/);
  });

  it('refuses to write through a symlink inside the output folder', async () => {
    const out = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(out, 'src'));
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify({ files: [{ path: 'src/client.ts', sha256: 'x' }] }));
    await expect(writeOutput(out, v1)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('leaves the previous output byte-identical when a write fails half-way', async () => {
    const out = tempDir();
    await writeOutput(out, v1);
    writeFileSync(join(out, 'NOTES.md'), 'mine\n');
    const before = snapshot(out);
    const v2 = [
      ...v1.filter((f) => f.path !== 'src/models/pet.ts').map((f) => ({ ...f, contents: `${f.contents}// v2\n` })),
      { path: 'src/new/thing.ts', contents: 'new\n' },
    ];
    let commits = 0;
    const failing = async (): Promise<void> => {
      // Fail after some files were already moved into place.
      if (++commits === 4) throw new Error('disk full (injected)');
    };
    await expect(writeOutput(out, v2, { beforeCommit: failing })).rejects.toThrow('disk full (injected)');
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(out, 'src/new'))).toBe(false);
  });
});

describe('writeOutput over many files', () => {
  /** 600 files in 3 levels of folders: more than the write stage keeps in flight at once. */
  const many = (tag: string): OutputFile[] =>
    Array.from({ length: 600 }, (_, i) => ({ path: `pkg/group${i % 7}/sub${i % 3}/file${i}.py`, contents: `# ${tag} ${i}\n` }));

  it('writes every file, the manifest after all of them', async () => {
    const out = tempDir();
    const order: string[] = [];
    await writeOutput(out, many('v1'), { beforeCommit: (path) => void order.push(path) });
    expect(order).toHaveLength(601);
    expect(order[order.length - 1]).toBe(MANIFEST_FILE);
    expect(readFileSync(join(out, 'pkg/group5/sub2/file299.py'), 'utf8')).toBe('# v1 299\n');
    expect(Object.keys(snapshot(out))).toHaveLength(601);
  });

  it('rolls every file and folder back when a commit fails while others are in flight', async () => {
    const out = tempDir();
    await writeOutput(out, many('v1').slice(0, 300));
    const before = snapshot(out);
    let commits = 0;
    const failing = async (): Promise<void> => {
      await new Promise((resolve) => setImmediate(resolve));
      if (++commits === 450) throw new Error('disk full (injected)');
    };
    await expect(writeOutput(out, many('v2'), { beforeCommit: failing })).rejects.toThrow('disk full (injected)');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.sdkgen-staging'))).toEqual([]);
  });

  it('moves new folders in whole, and takes them out again when a later commit fails', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine\n');
    const files = [...many('v1'), { path: 'top.py', contents: '# top\n' }];
    let commits = 0;
    const failing = (path: string): void => {
      // Every file of the new folder `pkg` was moved in by then; `top.py` moves in on its own.
      if (path === 'top.py' && ++commits === 1) throw new Error('disk full (injected)');
    };
    await expect(writeOutput(out, files, { beforeCommit: failing })).rejects.toThrow('disk full (injected)');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    await writeOutput(out, files, { force: true });
    expect(Object.keys(snapshot(out))).toHaveLength(603);
  });

  it('refuses a symlink where a file goes, and a file where a folder goes, naming the first path', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'pkg/group1/sub1'), { recursive: true });
    symlinkSync(join(tempDir(), 'elsewhere.py'), join(out, 'pkg/group1/sub1/file400.py'));
    await expect(writeOutput(out, many('v1'), { force: true })).rejects.toThrow(
      /refusing to write pkg\/group1\/sub1\/file400\.py: .* is a symbolic link/,
    );
    const other = tempDir();
    mkdirSync(join(other, 'pkg'));
    writeFileSync(join(other, 'pkg/group3'), 'not a folder\n');
    await expect(writeOutput(other, many('v1'), { force: true })).rejects.toThrow(/cannot write pkg\/group3\/sub0\/file108\.py: .* is a file, not a folder/);
    expect(readdirSync(join(other, 'pkg'))).toEqual(['group3']);
  });
});

describe('diffOutput', () => {
  it('treats a missing manifest as stale', async () => {
    const out = tempDir();
    expect(await diffOutput(out, v1)).toEqual({
      added: ['package.json', 'src/client.ts', 'src/index.ts', 'src/models/pet.ts', MANIFEST_FILE],
      changed: [],
      removed: [],
    });
  });

  it('lists added, changed and removed files, and nothing once written', async () => {
    const out = tempDir();
    await writeOutput(out, v1);
    expect(await diffOutput(out, v1)).toEqual({ added: [], changed: [], removed: [] });
    const v2 = [
      ...v1.filter((f) => f.path !== 'src/index.ts').map((f) => (f.path === 'package.json' ? { ...f, contents: '{}\n' } : f)),
      { path: 'src/extra.ts', contents: '\n' },
    ];
    expect(await diffOutput(out, v2)).toEqual({
      added: ['src/extra.ts'],
      changed: ['package.json', MANIFEST_FILE],
      removed: ['src/index.ts'],
    });
    // A dry run reports the same without touching anything.
    const before = snapshot(out);
    const report = await writeOutput(out, v2, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, added: ['src/extra.ts'], changed: ['package.json'], removed: ['src/index.ts'] });
    expect(snapshot(out)).toEqual(before);
  });
});
