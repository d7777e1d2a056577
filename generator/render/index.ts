/**
 * The render stage: a target's view of the IR → files. The view (`generator/targets/<target>/`)
 * makes every string; templates (see `./templates.ts` for the folder layout and overlay) only
 * place them; runtime files are copied verbatim.
 */
import * as fs from 'node:fs';
import { ConfigError, InternalError } from '../errors';
import type { Target, ViewInput } from '../targets/types';
import { compileFile, overlayFiles, partialsOf } from './templates';

/** One output file: a POSIX path relative to the output folder, and its full text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
  /** Already as the target's formatter writes it (see `ViewFile.formatted`): not formatted again. */
  readonly formatted?: boolean;
}

const RUNTIME_PREFIX = 'runtime/';

/**
 * Renders `target`'s files for `input`; `templateDirs` overlay the built-in templates in order.
 * Returns them as the templates print them: the target's formatter (`target.format`, asynchronous)
 * is applied by `formatTargetFiles`.
 */
export function renderTarget(target: Target, input: ViewInput, templateDirs: readonly string[]): GeneratedFile[] {
  // Later folders win: built-in first, then the user's overlays in the order given.
  const files = overlayFiles([target.templateDir(), ...templateDirs]);
  const view = target.view(input);
  const partials = partialsOf(files);
  const skip = new Set(view.skipTemplates);
  const runtimeDir = target.runtime.outputDir(input.config);
  const folders = view.folders ?? {};
  /** A fixed template's output path: minus `.hbs`, its first folder renamed when the view says so. */
  const outputPath = (rel: string): string => {
    const path = rel.slice(0, -'.hbs'.length);
    const slash = path.indexOf('/');
    const first = slash < 0 ? undefined : folders[path.slice(0, slash)];
    return first === undefined ? path : `${first}${path.slice(slash)}`;
  };
  const out: GeneratedFile[] = [];
  const runtime: GeneratedFile[] = [];
  // One compiled template per file for this run (`compileFile` checks the file on every call; an
  // item template renders thousands of files).
  const compiled = new Map<string, ReturnType<typeof compileFile>>();
  const render = (template: string, context: Record<string, unknown>, outPath: string, formatted = false): void => {
    const abs = files.get(template);
    if (abs === undefined) throw new InternalError(`template ${template} not found`);
    let contents: string;
    try {
      let print = compiled.get(abs);
      if (print === undefined) {
        print = compileFile(abs);
        compiled.set(abs, print);
      }
      contents = print(context, { partials });
    } catch (error) {
      throw new InternalError(`template ${template}: ${(error as Error).message}`, { cause: error });
    }
    out.push(formatted ? { path: outPath, contents, formatted } : { path: outPath, contents });
  };

  for (const [rel, abs] of files) {
    if (rel.startsWith(RUNTIME_PREFIX)) {
      const inner = rel.slice(RUNTIME_PREFIX.length);
      if (!rel.endsWith(target.runtime.extension) || view.excludeRuntime.some((prefix) => inner.startsWith(prefix))) continue;
      runtime.push({ path: `${runtimeDir}/${inner}`, contents: fs.readFileSync(abs, 'utf8') });
      continue;
    }
    if (!rel.endsWith('.hbs') || rel.startsWith('partials/') || rel.startsWith('items/') || skip.has(rel)) continue;
    render(rel, view.root, outputPath(rel));
  }
  for (const item of view.items) render(item.template, item.context, item.path, item.formatted);
  out.push(...runtime);

  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < out.length; i++) {
    const clash = out[i]?.path;
    if (clash !== undefined && clash === out[i - 1]?.path) {
      // The built-in templates never clash, so an overlay did (e.g. a `runtime/index.ts`, whose
      // output the template `src/runtime/index.ts.hbs` already produces).
      const copiedTo = (rel: string): string | undefined => (rel.startsWith(RUNTIME_PREFIX) ? `${runtimeDir}/${rel.slice(RUNTIME_PREFIX.length)}` : undefined);
      const sources = [...files.keys()].filter((rel) => rel === `${clash}.hbs` || copiedTo(rel) === clash);
      const from = sources.length > 0 ? ` (${sources.join(' and ')})` : '';
      const message = `two template files produce ${clash}${from}; keep only one of them in your --templates folder`;
      throw templateDirs.length > 0 ? new ConfigError(message) : new InternalError(message);
    }
  }
  return out;
}

/**
 * `files` through the target's formatter; runtime files (under `runtimeDir`) are copied as
 * committed, already formatted and checked by the target's own linters, and files the view laid
 * out as the formatter would (`formatted`) are left as they are. `outputDir`: the absolute output
 * folder they are for.
 */
export async function formatTargetFiles(target: Target, files: readonly GeneratedFile[], runtimeDir: string, outputDir: string): Promise<GeneratedFile[]> {
  if (!target.format) return [...files];
  const prefix = `${runtimeDir}/`;
  const rendered = files.filter((f) => !f.path.startsWith(prefix) && f.formatted !== true);
  const formatted = new Map((await target.format(rendered, outputDir)).map((f) => [f.path, f]));
  return files.map((f) => formatted.get(f.path) ?? (f.formatted === true ? { path: f.path, contents: f.contents } : f));
}
