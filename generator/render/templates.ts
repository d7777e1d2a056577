/**
 * Template folders and their overlay.
 *
 * Layout of a template folder (the built-in ones are `templates/<target>/`):
 *
 * - `**\/*.hbs` — a fixed file: renders to the same relative path without `.hbs`
 *   (`src/client.ts.hbs` → `src/client.ts`, `README.md.hbs` → `README.md`).
 * - `items/*.hbs` — per-item templates (e.g. `items/api.ts.hbs`, one file per tag): never rendered
 *   on their own; the view's file list says which output paths they produce (`src/api/<tag>.ts`).
 * - `partials/*.hbs` — registered as Handlebars partials under their file name without `.hbs`
 *   (`partials/auth-readme.md.hbs` → `{{> auth-readme.md}}` and `{{> auth-readme}}`).
 * - `runtime/**` — the target's runtime sources, copied verbatim to the target's runtime folder
 *   of the generated SDK (`src/runtime/` for TypeScript); only files with the target's extension.
 *
 * Overlay (`--templates DIR`, option `templateDirs`): folders are searched last-given-first, by
 * relative path. A file in DIR with the same relative path as a built-in one replaces it —
 * templates, partials and runtime files alike; files only present in DIR are added (a new
 * `*.hbs` becomes a new output file, a new `runtime/*.ts` a new runtime file).
 *
 * Templates are compiled with `noEscape: true` (the view escapes everything for TypeScript, not
 * HTML) and `strict: true` (a missing variable is an error, not an empty string). Each template
 * file is compiled once per process (cache keyed by absolute path and modification time); the
 * built-in ones were compiled by the build (`./precompiled.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Handlebars from 'handlebars';
import { sdkgenPackage } from '../package-root';
import { handlebarsCompiler } from './handlebars';
import { withPlainFastPath, withPlainParts } from './plain-template';
import { precompiledTemplate, templateOptions } from './precompiled';

/** A target's built-in template folder, `templates/<target>` of the sdkgen package. */
export function templateFolder(target: string): string {
  return path.join(sdkgenPackage().root, 'templates', target);
}

/** Relative path (POSIX) → absolute path of the winning file, for every file in the folders. */
export function overlayFiles(dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const rel of walk(dir, '')) files.set(rel, path.join(dir, ...rel.split('/')));
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function walk(root: string, rel: string): string[] {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(root, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

type Compiled = Handlebars.TemplateDelegate;
const cache = new Map<string, { mtimeMs: number; size: number; template: Compiled }>();

/** Compiles a template file once per process (recompiled only if the file changed). */
export function compileFile(file: string): Compiled {
  const stat = fs.statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.template;
  const source = fs.readFileSync(file, 'utf8');
  const built = precompiledTemplate(source);
  const template = built === undefined ? withPlainFastPath(source, handlebarsCompiler().compile(source, templateOptions())) : withPlainParts(built.plain, built.template);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, template });
  return template;
}

/** The partials of the overlaid folders, by name (`partials/x.md.hbs` → `x.md` and `x`). */
export function partialsOf(files: ReadonlyMap<string, string>): Record<string, Compiled> {
  const partials: Record<string, Compiled> = {};
  for (const [rel, abs] of files) {
    if (!rel.startsWith('partials/') || !rel.endsWith('.hbs')) continue;
    const name = rel.slice('partials/'.length, -'.hbs'.length);
    const template = compileFile(abs);
    partials[name] = template;
    const short = name.replace(/\.[A-Za-z0-9]+$/, '');
    if (short !== name && partials[short] === undefined) partials[short] = template;
  }
  return partials;
}
