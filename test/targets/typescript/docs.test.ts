/**
 * The generated documentation: one Markdown page per tag (`docs/<tag>.md`), README links to them,
 * `examples/quickstart.mjs`, and TSDoc on every symbol the SDK's index exports.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import type { GeneratedFile } from '../../../generator/render';
import { buildNeutral, render as renderTs } from '../../ir/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const PRETTIER = path.join(ROOT, 'node_modules/.bin/prettier');
const SHELL_EV = path.join(ROOT, 'spec/shell-ev.yaml');

function render(document: Record<string, unknown>, packageName = 'shellev'): Map<string, string> {
  const { ir } = buildNeutral(document, '/specs/api.yaml');
  return new Map(renderTs(ir, { packageName }).map((f: GeneratedFile) => [f.path, f.contents]));
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function writeOut(files: Map<string, string>): string {
  const base = path.join(ROOT, '.tmp');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, 'docs-'));
  made.push(dir);
  for (const [rel, contents] of files) {
    const target = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
  return dir;
}

/** Cells of a Markdown table row, splitting on unescaped `|` as GFM does. */
function cells(row: string): string[] {
  return row.trim().slice(1, -1).split(/(?<!\\)\|/);
}

describe('Shell EV reference docs', () => {
  const files = render(parse(fs.readFileSync(SHELL_EV, 'utf8')) as Record<string, unknown>);
  const charging = files.get('docs/charging.md') as string;

  test('one page per tag, linked from the README', () => {
    expect([...files.keys()].filter((p) => p.startsWith('docs/')).sort()).toEqual(['docs/charging.md', 'docs/locations.md']);
    const readme = files.get('README.md') as string;
    expect(readme).toContain('- [Charging](docs/charging.md)');
    expect(readme).toContain('- [Locations](docs/locations.md)');
    for (const section of ['## Install', '## Client setup', '## Environments', '## Errors', '## Retries', '## Timeouts', '## API reference']) {
      expect(readme).toContain(section);
    }
  });

  test('every operation with auth, parameters, response type, errors and an example', () => {
    for (const method of ['start', 'stop', 'getChargeSessionRetrieve', 'active']) {
      expect(charging).toContain(`\n## ${method}\n`);
      expect(charging).toContain(`- [\`${method}\`](#${method.toLowerCase()})`);
    }
    expect(charging).toContain('Requires OAuth 2.0 client credentials (`BearerAuth`)');
    expect(charging).toMatch(/^\| Name +\| Wire name +\| Location +\| Type +\| Required +\| Description +\|$/m);
    expect(charging).toMatch(/^\| `requestId` +\| `RequestId` +\| header +\| `string` +\| yes +\| RequestId must be/m);
    expect(charging).toMatch(/^\| 404 +\| Location Not Found +\| `V2ChargeSessionStart404ErrorException` +\|$/m);
    expect(charging).toContain('`InlineResponse202` (200: SUCCESS)');
    expect(charging).toContain(
      [
        // No fixed RequestId: the SDK draws a fresh one per call.
        'const result = await client.charging.start({',
        "  body: { evChargeNumber: 'NL-TNM-C00122045-K', evseId: 'NL*TNM*E02003451*0' },",
        '});',
      ].join('\n'),
    );
  });

  test('tables have the same number of cells on every row', () => {
    for (const [file, text] of files) {
      if (!file.startsWith('docs/')) continue;
      for (const table of text.split('\n\n').filter((block) => block.startsWith('| '))) {
        const counts = new Set(table.split('\n').map((row) => cells(row).length));
        expect([file, counts.size]).toEqual([file, 1]);
      }
    }
  });

  test('examples/quickstart.mjs reads the env vars, is valid JavaScript and Prettier-clean', () => {
    const quickstart = files.get('examples/quickstart.mjs') as string;
    for (const name of ['SHELLEV_CLIENT_ID', 'SHELLEV_CLIENT_SECRET', 'SHELLEV_BASE_URL']) expect(quickstart).toContain(`process.env.${name}`);
    expect(quickstart).toContain("from 'shellev';");
    expect(quickstart).toContain('await client.bearerAuth.fetchToken();');
    // A read operation, so running the example changes nothing on the server.
    expect(quickstart).toMatch(/\/\/ GET \/v2\/locations\nconst result = await client\.locations\.getEvLocations\(/);
    const dir = writeOut(files);
    execFileSync(process.execPath, ['--check', path.join(dir, 'examples/quickstart.mjs')]);
    execFileSync(PRETTIER, ['--config', path.join(dir, '.prettierrc.json'), '--check', 'examples/quickstart.mjs'], { cwd: dir, encoding: 'utf8' });
  });

  test('every symbol exported by src/index.ts has a TSDoc comment', () => {
    const dir = writeOut(files);
    const index = path.join(dir, 'src/index.ts');
    const program = ts.createProgram([index], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index) as ts.SourceFile) as ts.Symbol;
    const undocumented = checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
      .filter((s) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim() === '')
      .map((s) => s.getName());
    expect(undocumented).toEqual([]);
  });
});

describe('docs escape spec text', () => {
  const EVIL = "a | b `c` <script>x</script> *em* [l](u)\n# heading";
  const files = render(
    {
      openapi: '3.0.3',
      info: { title: 'Evil', version: '1.0.0' },
      tags: [{ name: 'things', description: EVIL }],
      paths: {
        '/things': {
          get: {
            operationId: 'list',
            tags: ['things'],
            summary: EVIL,
            description: EVIL,
            parameters: [{ name: 'q|x', in: 'query', description: EVIL, schema: { type: 'string', enum: ['a|b', '`'] } }],
            responses: { '200': { description: EVIL }, '400': { description: EVIL } },
          },
        },
      },
    },
    'evil',
  );
  const page = files.get('docs/things.md') as string;

  test('no raw HTML, no heading injected, table rows keep their cells', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toMatch(/^# heading/m);
    const rows = page.split('\n').filter((l) => l.startsWith('| '));
    const params = rows.filter((r) => r.includes('query'));
    expect(params).toHaveLength(1);
    expect(cells(params[0] as string)).toHaveLength(6);
    const errors = rows.filter((r) => r.startsWith('| 400'));
    expect(cells(errors[0] as string)).toHaveLength(3);
  });
});
