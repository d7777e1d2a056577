/**
 * The readOnly/writeOnly split as the TypeScript target prints it, per construct (the cases are
 * shared with the Python target: ../read-write-split-cases.ts): response types keep required
 * readOnly fields required (`readonly`), request types leave them out, and request bodies use
 * the request variants.
 */
import { buildNeutral, render } from '../../ir/helpers';
import { SPLIT_CASES } from '../read-write-split-cases';

/** `export interface X { … }` / `export type X = …;` declarations of models.ts, without comments. */
function declarations(models: string): Record<string, string> {
  const text = models.replace(/\/\*\*[\s\S]*?\*\//g, '');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^export (?:interface (\w+)[^{]*\{[\s\S]*?^\}|type (\w+) =[\s\S]*?;$)/gm)) {
    out[(m[1] ?? m[2]) as string] = m[0].replace(/\s+/g, ' ').trim();
  }
  return out;
}

test.each(SPLIT_CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  const { ir } = buildNeutral(c.document);
  const files = render(ir);
  const models = files.find((f) => f.path === 'src/models.ts')?.contents ?? '';
  const printed = declarations(models);
  expect(Object.fromEntries(Object.keys(c.ts).map((k) => [k, printed[k]]))).toEqual(c.ts);
  // No other model is printed (no variant where none is needed).
  expect(Object.keys(printed).sort()).toEqual(Object.keys(c.ts).sort());
  if (c.tsBody !== undefined) {
    const api = files.find((f) => f.path.startsWith('src/api/'))?.contents ?? '';
    expect(api).toMatch(new RegExp(`\\n  body: ${c.tsBody.replace(/[[\]]/g, '\\$&')};\\n`));
  }
});

test('docs stay truthful: no "leave it out of requests" where the type already leaves it out', () => {
  const both = SPLIT_CASES.find((c) => c.label.startsWith('both ways: the base'));
  const { ir } = buildNeutral(both?.document ?? {});
  const models = render(ir).find((f) => f.path === 'src/models.ts')?.contents ?? '';
  expect(models).not.toContain('leave it out of requests');
  expect(models).toContain('Read-only: set by the server.');
  expect(models).toContain('Write-only: sent in requests, never present in responses.');
  expect(models).toContain('As received in responses; requests use `PetWritable`.');
  expect(models).toContain('The request side of `Pet`: without its read-only properties (the server sets them).');
});
