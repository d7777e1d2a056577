/**
 * Templates compiled at build time (`scripts/build/compile-templates.mjs` writes
 * `precompiled-templates.js` next to this module in `dist/`): compiling the built-in templates at
 * run time cost ~0.2 s per `sdkgen` run, a fifth of generating the Shell EV SDK.
 *
 * An entry is keyed by the hash of the compile options, the code that splits plain templates
 * (`plainParts`, whose result the entry holds) and the template's text, so it is used only for
 * exactly the text it was compiled from by the code that runs, and only under the Handlebars
 * compiler revision that compiled it. Anything else (a template edited since the build, an
 * overlay's own template, tests run from the TypeScript sources where no such file exists) is
 * compiled at run time, with the same result.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { handlebarsRuntime } from './handlebars';
import { InternalError } from '../errors';
import { plainParts, type PlainPart } from './plain-template';

/**
 * How every template is compiled (see `./templates.ts`). A function: Handlebars adds its own
 * defaults to the options object it is given.
 */
export function templateOptions(): CompileOptions {
  return { noEscape: true, strict: true };
}

/** The file the build step writes next to this module. */
export const PRECOMPILED_FILE = 'precompiled-templates.js';

/** One template as the build compiled it. */
export interface PrecompiledEntry {
  /** What `Handlebars.precompile` made of it. */
  readonly spec: TemplateSpecification;
  /** Its text and `{{name}}` parts when it has nothing else (`plainParts`), else `null`. */
  readonly plain: readonly PlainPart[] | null;
}

interface PrecompiledTable {
  /** `Handlebars.COMPILER_REVISION` of the build: the runtime runs templates of its own revision only. */
  readonly compilerRevision: number;
  readonly templates: Readonly<Record<string, PrecompiledEntry>>;
}

/** What every key starts from: the options and the plain-parts code (the same for every template). */
let keyPrefix: string | undefined;

/** What an entry is keyed by: the options, the plain-parts code and the text it was compiled from. */
export function precompiledKey(source: string): string {
  keyPrefix ??= `${JSON.stringify(templateOptions())}\0${plainParts.toString()}\0`;
  return createHash('sha256').update(keyPrefix).update(source).digest('hex');
}

/** `Handlebars.COMPILER_REVISION` (exported by Handlebars, missing from its typings). */
export function compilerRevision(): number {
  return (handlebarsRuntime as unknown as { readonly COMPILER_REVISION: number }).COMPILER_REVISION;
}

let table: PrecompiledTable | null | undefined;

/** `null` when there is no table, or it was built by another Handlebars compiler revision. */
function loadTable(): PrecompiledTable | null {
  const file = join(__dirname, PRECOMPILED_FILE);
  if (!existsSync(file)) return null;
  let loaded: PrecompiledTable;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file) as PrecompiledTable;
  } catch (error) {
    throw new InternalError(`cannot load the precompiled templates ${file}: ${(error as Error).message}`, { cause: error });
  }
  return loaded.compilerRevision === compilerRevision() ? loaded : null;
}

/** The template `source` as the build compiled it, or `undefined` when it was not. */
export function precompiledTemplate(source: string): { readonly template: Handlebars.TemplateDelegate; readonly plain: readonly PlainPart[] | undefined } | undefined {
  if (table === undefined) table = loadTable();
  const entry = table?.templates[precompiledKey(source)];
  return entry === undefined ? undefined : { template: handlebarsRuntime.template(entry.spec), plain: entry.plain ?? undefined };
}
