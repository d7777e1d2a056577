/**
 * The readOnly/writeOnly split as the Python target prints it, per construct (the same cases as
 * the TypeScript target: ../read-write-split-cases.ts): response models require their required
 * readOnly fields, request models leave them out and require required writeOnly ones.
 */
import { renderTargetFiles } from '../../../generator/pipeline';
import { buildNeutral, targetConfig } from '../../ir/helpers';
import { SPLIT_CASES } from '../read-write-split-cases';

/** `class X(...)` → its field lines (`name: annotation[ = default]`), docstrings left out. */
function classes(files: readonly { path: string; contents: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of files.filter((x) => /\/models\/(?!__init__)[a-z0-9_]+\.py$/.test(x.path))) {
    const m = /^class (\w+)\(([^)]*)\):\n([\s\S]*)$/m.exec(f.contents);
    if (!m || /Enum\b/.test(m[2] as string)) continue;
    out[m[1] as string] = (m[3] as string).split('\n').filter((l) => /^ {4}[a-z_][a-z0-9_]*: /.test(l)).map((l) => l.trim());
  }
  return out;
}

test.each(SPLIT_CASES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
  const { ir } = buildNeutral(c.document);
  const files = await renderTargetFiles(ir, targetConfig({ target: 'python', packageName: 'testsdk', packageVersion: '1.0.0' }));
  expect(classes(files)).toEqual(c.py);
});

test('request bodies take the request variant', async () => {
  const both = SPLIT_CASES.find((c) => c.label.startsWith('nested refs'));
  const { ir } = buildNeutral(both?.document ?? {});
  const files = await renderTargetFiles(ir, targetConfig({ target: 'python', packageName: 'testsdk', packageVersion: '1.0.0' }));
  const controller = files.find((f) => /controllers\/(?!__init__|base)[a-z_]+\.py$/.test(f.path))?.contents ?? '';
  expect(controller).toMatch(/body: OwnerWritable\b/);
  expect(controller).toMatch(/-> Owner\b/);
});
