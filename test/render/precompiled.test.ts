/**
 * `npm run build` precompiles the built-in templates (scripts/build/compile-templates.mjs) and the
 * render stage prefers those over compiling at run time (generator/render/precompiled.ts). A
 * precompiled template must print exactly what the run-time compiled one prints, errors included,
 * and must be found only for the very text it was compiled from.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { handlebarsRuntime } from '../../generator/render/handlebars';
import { plainParts } from '../../generator/render/plain-template';
import { compilerRevision, templateOptions, type PrecompiledEntry } from '../../generator/render/precompiled';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'build', 'compile-templates.mjs');
// The build keys the table with the compiled generator in dist/ (the plain-parts code is part of
// the key), so lookups here use that same code, as the CLI does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { precompiledKey } = require(join(ROOT, 'dist', 'generator', 'render', 'precompiled.js')) as { precompiledKey: (source: string) => string };

interface Table {
  readonly compilerRevision: number;
  readonly templates: Record<string, PrecompiledEntry>;
}

function build(outFile: string, templatesDir?: string): Table {
  execFileSync(process.execPath, [SCRIPT, outFile, ...(templatesDir === undefined ? [] : [templatesDir])]);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outFile) as Table;
}

function hbsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? hbsFiles(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));
}

/** What a template prints for `context`, or the message it fails with. */
function outcome(print: Handlebars.TemplateDelegate, context: unknown, partials: Record<string, Handlebars.TemplateDelegate>): string {
  try {
    return `ok:${print(context, { partials })}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

describe('build-time precompiled templates', () => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'templates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every built-in template, keyed by its text, with its plain parts', () => {
    const table = build(join(dir, 'built-in.js'));
    expect(table.compilerRevision).toBe(compilerRevision());
    expect(compilerRevision()).toBeGreaterThanOrEqual(8);
    const files = hbsFiles(join(ROOT, 'templates'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const entry = table.templates[precompiledKey(source)];
      expect(entry).toBeDefined();
      expect(entry?.plain ?? undefined).toEqual(plainParts(source));
    }
    // One character more and the entry is not the template's any more.
    const first = readFileSync(files[0] as string, 'utf8');
    expect(table.templates[precompiledKey(`${first} `)]).toBeUndefined();
  });

  const cases: [string, string, unknown][] = [
    ['text and a value', 'Hello {{name}}!\n', { name: 'R&D <x>' }],
    ['a missing value under strict', 'Hello {{name}}!', {}],
    ['each, if and else', '{{#each items}}{{#if on}}[{{label}}]{{else}}-{{/if}}{{/each}}', { items: [{ on: true, label: 'a' }, { on: false, label: 'b' }] }],
    ['a partial', 'before {{> part}} after', { value: 'v' }],
    ['whitespace control', '{{#each xs~}}\n  {{this}}\n{{~/each}}', { xs: ['1', '2'] }],
    ['a helper that does not exist', '{{nope value}}', { value: 1 }],
  ];

  it.each(cases)('prints what run-time compilation prints: %s', (_name, source, context) => {
    const folder = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(folder, 'main.hbs'), source);
    writeFileSync(join(folder, 'part.hbs'), '<{{value}}>');
    const table = build(join(folder, 'table.js'), folder);
    // Built templates run in the Handlebars runtime environment, as in sdkgen (`handlebarsRuntime`).
    const precompiled = (text: string): Handlebars.TemplateDelegate => handlebarsRuntime.template((table.templates[precompiledKey(text)] as PrecompiledEntry).spec);
    const compiled = (text: string): Handlebars.TemplateDelegate => Handlebars.compile(text, templateOptions());
    const fromBuild = outcome(precompiled(source), context, { part: precompiled('<{{value}}>') });
    const atRunTime = outcome(compiled(source), context, { part: compiled('<{{value}}>') });
    expect(fromBuild).toBe(atRunTime);
    // An overlay's own partial is compiled at run time by the full package, and a built-in
    // template calls it across the two environments.
    expect(outcome(precompiled(source), context, { part: compiled('<{{value}}>') })).toBe(atRunTime);
    expect(outcome(compiled(source), context, { part: precompiled('<{{value}}>') })).toBe(atRunTime);
  });
});
