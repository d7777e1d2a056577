/**
 * Model and error modules are printed in ruff's style (`styled`), and the formatter keeps those
 * whose lines all fit as printed, without running ruff. This checks that promise construct by
 * construct: every styled module of a spec that has each kind of model (objects with required,
 * optional, defaulted, aliased and constant fields; enums of strings with quotes, integers and
 * floats in exponent notation; aliases, unions, maps, arrays, self references;
 * names long enough that imports and fields wrap; long, quoted and indented descriptions, as docstrings and
 * as field documentation, which ruff treats differently) is, as kept, exactly what ruff writes;
 * and the long imports are laid out as ruff lays them out. The edge-spec snapshots run `ruff format --check` over whole packages too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { renderTargetFiles, viewInput } from '../../../generator/pipeline';
import { renderTarget } from '../../../generator/render';
import { pythonTarget } from '../../../generator/targets/python';
import { fitsRuffLines, RUFF_SETTINGS } from '../../../generator/targets/python/format';
import { pyAttributeDoc, pyDocstring, pyString } from '../../../generator/render/escape';
import { PyImports } from '../../../generator/targets/python/view/imports';
import { pyCall, pyDisplay, pyStatement } from '../../../generator/targets/python/view/py-layout';
import { buildNeutral, doc, targetConfig } from '../../ir/helpers';

const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
// Long enough that its import wraps, short enough that a field of its type fits on a line.
const LONG = 'AVeryLongModelNameThatTakesUpMostOfAnImportLine';

const schemas: Record<string, unknown> = {
  Pet: {
    type: 'object',
    description: 'A pet. "Quoted" words, a backslash \\ and a very long sentence that goes on and on well past the line length of the generated package so that it has to wrap.',
    required: ['id', 'kind', 'species', 'tags'],
    properties: {
      id: { type: 'integer', format: 'int64', description: 'The id.' },
      kind: { type: 'string', enum: ['pet'] },
      species: { type: 'string', enum: ['animal'] },
      name: { type: 'string', default: 'Rex', maxLength: 40 },
      'camel-Name': { type: 'string', nullable: true },
      // Aliased fields too long for one line: the arguments on a line of their own, or one per line.
      'twenty-char-wirename': { type: 'string' },
      'a-wire-name-so-long-that-even-the-arguments-of-its-field-do-not-fit-on-one-line': { type: 'string' },
      tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
      owner: { $ref: `#/components/schemas/${LONG}Owner` },
      friend: { $ref: '#/components/schemas/Pet' },
      attributes: { type: 'object', additionalProperties: { type: 'number' } },
      weight: { type: 'number', minimum: 0.5, default: 1.5 },
      born: { type: 'string', format: 'date-time' },
      photo: { type: 'string', format: 'binary' },
      status: { $ref: '#/components/schemas/Status' },
      size: { $ref: '#/components/schemas/Size' },
      ratio: { $ref: '#/components/schemas/Ratio' },
      tiny: { $ref: '#/components/schemas/Tiny' },
      quotes: { $ref: '#/components/schemas/Quotes' },
      indented: { $ref: '#/components/schemas/Indented' },
    },
  },
  Tag: { type: 'object', properties: { label: { type: 'string' } } },
  [`${LONG}Owner`]: { type: 'object', properties: { pet: { $ref: `#/components/schemas/${LONG}Pet` }, other: { $ref: `#/components/schemas/${LONG}Other` } } },
  [`${LONG}Pet`]: { type: 'object', properties: { x: { type: 'string' } } },
  [`${LONG}Other`]: { type: 'object', properties: { y: { type: 'string' } } },
  Status: { type: 'string', enum: ['available', 'sold', 'with space', 'UPPER'], description: 'Status.' },
  Size: { type: 'integer', enum: [1, 2, 3] },
  Ratio: { type: 'number', enum: [0.5, 1.5] },
  Tiny: { type: 'number', enum: [1e-7, 0.25] },
  Quotes: { type: 'string', enum: ['c"d', "e'f", 'plain', 'a"b\'c'] },
  Indented: {
    type: 'object',
    description: '  indented summary\n\n   - an indented list\n     continued\n   - and more',
    properties: { note: { type: 'string', description: 'Field doc.\n\n  - kept as written\n  - in a field' }, quote: { type: 'string', description: '"Quoted" first.' } },
  },
  PetOrTag: { oneOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Tag' }] },
  Names: { type: 'array', items: { type: 'string' } },
  Lookup: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Tag' } },
  Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, detail: { type: 'string' } } },
};

/**
 * For the lint test, constructs ruff's checks could catch: documentation of several lines that
 * ends in a quote; a docstring whose first word is in camel case; a model whose module name alone
 * is longer than a line (its import's head cannot be shortened); a description of wide characters
 * (ruff measures those); an operation path longer than a line (the quickstart's comment names it);
 * prose with a line that reads as a docstring section (`Note:`); names pycodestyle calls
 * ambiguous (`l`, `I`, `O`); a tag with an empty description; a description that opens with a
 * quote; module names whose digit runs have leading zeros (isort's natural order).
 */
const lintSchemas: Record<string, unknown> = {
  EndsQuoted: {
    type: 'object',
    description: 'Summary.\n\nSee "this"',
    properties: { note: { type: 'string', description: 'Field.\n\nSee "that"' }, far: { $ref: `#/components/schemas/${LONG}${LONG}` } },
  },
  [`${LONG}${LONG}`]: { type: 'object', description: 'oneOf the two kinds.', properties: { z: { type: 'string' } } },
  Wide: { type: 'object', description: '名前 '.repeat(50), properties: { z: { type: 'string' } } },
  Sectioned: { type: 'object', description: 'Instructions for a retry.\n\n\nNote:\n\n\nThis field must be provided.\n\nExample', properties: { l: { type: 'string' } } },
  Letters: { type: 'string', enum: ['A', 'I', 'O', 'l'] },
  QuotedFirst: { type: 'object', description: '"Time to Live" - the amount of time.', properties: { z: { type: 'string' } } },
  AllOf1: { type: 'object', properties: { a: { type: 'string' } } },
  AllOf02: { type: 'object', properties: { a: { type: 'string' } } },
  AllOf0: { type: 'object', properties: { a: { type: 'string' } } },
  // Headers ruff finds otherwise: above an underline, left alone by wrapping, spelled unlike ruff.
  Underlined: { type: 'object', description: 'Intro\nExamples\n========\nfoo', properties: { a: { type: 'string' } } },
  Wrapped: { type: 'object', description: `${'x'.repeat(105)} end. Example`, properties: { a: { type: 'string' } } },
  LowerHeader: { type: 'object', description: 'Summary.\n\nsee also:\n    the other model', properties: { a: { type: 'string' } } },
};
const lintPaths = {
  [`/${'segment/'.repeat(15)}things`]: {
    get: { operationId: 'listThings', tags: ['empty'], description: 'spaceDelimited values.', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Wide' } } } } } },
  },
};

const paths = {
    '/pets/{id}': {
      get: {
        operationId: 'getPet',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/PetOrTag' } } } },
          404: { description: 'missing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
};
const spec = doc({ schemas, paths });

describe('python: modules printed in ruff’s style', () => {
  const { ir } = buildNeutral(spec);
  const files = renderTarget(pythonTarget, viewInput(ir, targetConfig({ target: 'python', packageName: 'pets' })), []);
  // Python modules (docs pages are styled too: their code blocks are checked in styled-controllers.test.ts).
  const styled = files.filter((f) => f.styled === true && f.path.endsWith('.py'));

  test('models and errors are styled, and most fit as printed', () => {
    expect(styled.map((f) => f.path)).toEqual(expect.arrayContaining(['pets/models/pet.py', 'pets/models/status.py', 'pets/exceptions/problem_exception.py']));
    expect(styled.filter((f) => fitsRuffLines(f.contents)).length).toBeGreaterThan(styled.length / 2);
  });

  test('every styled module kept as printed is what ruff writes', () => {
    const kept = styled.filter((f) => fitsRuffLines(f.contents));
    for (const file of kept) expect({ path: file.path, text: ruff.format(file.contents) }).toEqual({ path: file.path, text: file.contents });
    // The constructs are there (the test would prove little otherwise).
    const pet = kept.find((f) => f.path === 'pets/models/pet.py')?.contents ?? '';
    expect(pet).toContain('_constant_fields: ClassVar[Tuple[str, ...]] = (\n        "kind",\n        "species",\n    )');
    expect(pet).toMatch(/from \.a_very_long_model_name\w+ import \(\n {8}AVeryLong\w+,\n {4}\)/);
    expect(pet).toContain('validation_alias="camel-Name"');
    expect(pet).toMatch(/ = Field\(\n {8}default=None, validation_alias="twenty-char-wirename", serialization_alias="twenty-char-wirename"\n {4}\)\n/);
    expect(pet).toMatch(/ = Field\(\n {8}default=None,\n {8}validation_alias="a-wire-name-so-long[^\n]+",\n {8}serialization_alias="[^\n]+",\n {4}\)\n/);
    expect(kept.map((f) => f.path)).toEqual(expect.arrayContaining(['pets/__init__.py', 'pets/models/__init__.py', 'pets/exceptions/__init__.py', 'pets/controllers/__init__.py']));
    expect(kept.find((f) => f.path === 'pets/models/__init__.py')?.contents).toMatch(/^__all__ = \[\n {4}"[A-Z]/m);
    expect(kept.find((f) => f.path === 'pets/models/__init__.py')?.contents).toMatch(/^rebuild_models\(\n {4}\(\n {8}[A-Z]\w+,\n/m);
    const text = (name: string): string => kept.find((f) => f.path === `pets/models/${name}.py`)?.contents ?? '';
    expect(text('tiny')).toContain(' = 1e-7\n');
    expect(text('quotes')).toContain(`= 'c"d'\n`);
    expect(text('quotes')).toContain(`= "a\\"b'c"\n`);
    expect(text('indented')).toContain('    """Indented summary\n\n    - an indented list\n      continued\n    - and more\n    """');
    expect(text('indented')).toContain('    """Field doc.\n\n      - kept as written\n      - in a field\n    """');
    expect(text('indented')).toContain('    """"Quoted" first."""');
  });

  test('every module, as the formatter leaves it, passes ruff check with the package’s own rules', async () => {
    const { ir: lintIr } = buildNeutral(doc({ schemas: { ...schemas, ...lintSchemas }, paths: { ...paths, ...lintPaths }, extra: { tags: [{ name: 'empty', description: '' }] } }));
    // A package name whose variable prefix makes the quickstart's comment on it longer than a line.
    const lintFiles = await renderTargetFiles(lintIr, targetConfig({ target: 'python', packageName: `pets-${'x'.repeat(100)}` }));
    const pyproject = lintFiles.find((f) => f.path === 'pyproject.toml')?.contents ?? '';
    const rules = (key: string): string[] => [...(new RegExp(`^${key} = \\[([^\\]]*)\\]`, 'm').exec(pyproject)?.[1] ?? '').matchAll(/"([A-Z0-9]+)"/g)].map((m) => m[1] as string);
    expect(rules('select')).toEqual(expect.arrayContaining(['E', 'W', 'D']));
    expect(pyproject).toContain('convention = "google"');
    const lint = new Workspace({ ...RUFF_SETTINGS, lint: { select: rules('select'), ignore: rules('ignore'), pydocstyle: { convention: 'google' } } }, PositionEncoding.Utf16);
    const modules = lintFiles.filter((f) => f.path.endsWith('.py'));
    for (const file of modules) {
      expect({ path: file.path, text: ruff.format(file.contents) }).toEqual({ path: file.path, text: file.contents });
      const problems = (lint.check(file.contents) as Array<{ code: string; start_location: { row: number } }>).map((d) => `${d.code} line ${d.start_location.row}`);
      expect({ path: file.path, problems }).toEqual({ path: file.path, problems: [] });
    }
    // The constructs are there, and only the modules with a line ruff cannot shorten are exempted.
    const text = (p: string): string => modules.find((f) => f.path.endsWith(p))?.contents ?? '';
    expect(text('/models/ends_quoted.py')).toContain('See "this"\n    """');
    expect(text('/models/ends_quoted.py')).toMatch(/^# Generated by sdkgen from test\.yaml — do not edit\.\n# ruff: noqa: E501\n/);
    expect(text('/models/wide.py')).toContain('# ruff: noqa: E501');
    expect(text('examples/quickstart.py')).toContain('# ruff: noqa: E501');
    expect(text('examples/quickstart.py')).toMatch(/# Credentials and settings come from\n {4}# PETS_X+_\*\n {4}# variables \(see the README\)\./);
    expect(text(`/models/${'a_very_long_model_name_that_takes_up_most_of_an_import_line_'.repeat(2).slice(0, -1)}.py`)).toContain('    """oneOf the two kinds."""');
    expect(text('/controllers/empty_controller.py')).toContain('"""SpaceDelimited values.');
    expect(text('/models/pet.py')).not.toContain('noqa');
    expect(text('/models/underlined.py')).toContain('Intro\nExamples ========\nfoo\n');
    expect(text('/models/wrapped.py')).toMatch(/\n {4}end\. Example\n/);
    expect(text('/models/lower_header.py')).toContain('see also: the other model');
    expect(text('/models/sectioned.py')).toMatch(/Instructions for a retry\.\n\n+Note: This field must be provided\. Example\n/);
    expect(text('/models/sectioned.py')).toMatch(/ {4}ml: Optional\[str\]/);
    expect(text('/models/letters.py')).toMatch(/ {4}I_ = "I"\n {4}O_ = "O"\n {4}L = "l"\n/);
    expect(text('/controllers/empty_controller.py')).toMatch(/^# Generated[^\n]*\n(# ruff: noqa: E501\n)?"""Operations tagged ``empty``\."""/);
    expect(text('/models/__init__.py')).toMatch(/from \.all_of_0 import AllOf0\nfrom \.all_of_02 import AllOf02\nfrom \.all_of_1 import AllOf1\n/);
  });

  test('a too-long import is laid out as ruff does, at the top level and under TYPE_CHECKING', () => {
    const imports = new PyImports().from('__future__', 'annotations').from(`.${'m'.repeat(100)}`, 'ZedName').from(`.${'m'.repeat(100)}`, 'AlphaName').typeOnlyFrom(`.${'t'.repeat(100)}`, 'Other').typeOnlyFrom('.short', 'S');
    const text = `${imports.block()}\n`;
    expect(text).toContain(`from .${'m'.repeat(100)} import (\n    AlphaName,\n    ZedName,\n)`);
    expect(text).toContain(`    from .${'t'.repeat(100)} import (\n        Other,\n    )`);
    expect(ruff.format(text)).toBe(text);
  });

  test.each(['plain', 'c"d', "e'f", 'a"b\'c', '""\'', 'back\\slash"', 'line\n"break"', 'tab\t"', '\u2028"'])('a string literal is quoted as ruff quotes it: %j', (text) => {
    const line = `x = ${pyString(text)}\n`;
    expect(ruff.format(line)).toBe(line);
  });

  const prose = ['One line.', 'summary in lower case', '  indented summary\n\n  - item\n    more', '"Quoted" summary.', 'Ends in a quote "x"', 'A backslash \\d here.', `${'word '.repeat(40)}end`, 'Summary.\n\n    code block\n\nback'];
  test('with a template overlay, no module is styled: the formatter formats what the overlay prints', () => {
    const overlay = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-overlay-'));
    try {
      fs.mkdirSync(path.join(overlay, 'items'));
      fs.writeFileSync(path.join(overlay, 'items', 'module.py.hbs'), "{{header}}\n{{docstring}}\n{{imports}}\n{{gap}}{{body}}\n\n\nEXTRA = {'a':1}\n");
      const overlaid = renderTarget(pythonTarget, viewInput(ir, targetConfig({ target: 'python', packageName: 'pets' })), [overlay]);
      expect(overlaid.find((f) => f.path === 'pets/models/pet.py')?.contents).toContain("EXTRA = {'a':1}");
      // Only the overlaid template loses the flags; the docs pages come from a built-in template.
      expect(overlaid.filter((f) => f.path.endsWith('.py') && f.styled === true)).toEqual([]);
      expect(overlaid.find((f) => f.path.startsWith('docs/'))?.styled).toBe(true);
    } finally {
      fs.rmSync(overlay, { recursive: true, force: true });
    }
  });

  test('the docstring cache tells apart parts that join to the same text', () => {
    expect(pyDocstring(['Alpha\u0000Beta'])).toBe(pyDocstring(['AlphaBeta']));
    expect(pyDocstring(['Alpha', 'Beta'])).toBe('"""Alpha\n\nBeta\n"""\n');
    // Parts that share a prefix, a skipped part and another indentation: each its own entry.
    expect(pyDocstring(['Alpha'])).toBe('"""Alpha"""\n');
    expect(pyDocstring(['Alpha', undefined, 'Beta'])).toBe('"""Alpha\n\nBeta\n"""\n');
    expect(pyDocstring(['Alpha', 'Beta'], 4)).toBe('    """Alpha\n\n    Beta\n    """\n');
    expect(pyDocstring(['Alpha', 'Beta', 'Gamma'])).toBe('"""Alpha\n\nBeta\n\nGamma\n"""\n');
  });

  test.each(prose)('a class docstring and a field’s documentation are as ruff leaves them: %j', (text) => {
    const module = `class A:\n${pyDocstring([text], 4)}\n    x: int\n${pyAttributeDoc([text], 4)}`;
    expect(ruff.format(module)).toBe(module);
  });

  test.each<[string, readonly string[]]>([
    ['fits on one line', ['"A"', '"B"']],
    ['the items on a line of their own', Array.from({ length: 12 }, (_, i) => `"Name${i}"`)],
    ['one item per line', Array.from({ length: 40 }, (_, i) => `"Name${i}"`)],
    ['one item too long for a line', [`"${'x'.repeat(130)}"`]],
    // Between the width of the list and that of its items on a line of their own: a call's
    // arguments go on one line, a list's items one per line.
    ['the items would fit on a line of their own', Array.from({ length: 6 }, (_, i) => `"NameNumberLong${i}"`)],
  ])('a list and a call are laid out as ruff lays them out: %s', (_label, items) => {
    const module = `${pyStatement(pyDisplay('__all__ = ', '[]', items), 0)}\n\n\nclass A:\n${pyStatement(pyCall('x: int = Field(', items.map((i) => `alias=${i}`)), 4)}\n`;
    expect(ruff.format(module)).toBe(module);
  });
});
