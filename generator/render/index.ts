/**
 * The render stage: a target's view of the IR → files. The view (`generator/targets/<target>/`)
 * makes every string; templates (see `./templates.ts` for the folder layout and overlay) only
 * place them; runtime files are copied verbatim.
 */
import * as fs from 'node:fs';
import { sep } from 'node:path';
import { ConfigError, InternalError } from '../errors';
import type { Target, ViewInput } from '../targets/types';
import { compileFile, overlayFiles, partialsOf } from './templates';

/** One output file: a POSIX path relative to the output folder, and its full text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
  /** In the formatter's style but for long lines (see `ViewFile.styled`). */
  readonly styled?: boolean;
}

const RUNTIME_PREFIX = 'runtime/';

/**
 * Renders `target`'s files for `input`; `templateDirs` overlay the built-in templates in order.
 * Returns them as the templates print them, sorted by path; `onRendered` sees each rendered (not
 * copied) file as soon as it is printed, which is how the target's formatter (`startFormatting`)
 * gets to work while the rest is rendered.
 */
export function renderTarget(target: Target, input: ViewInput, templateDirs: readonly string[], onRendered?: (file: GeneratedFile) => void): GeneratedFile[] {
  // Later folders win: built-in first, then the user's overlays in the order given.
  const builtIn = target.templateDir();
  const files = overlayFiles([builtIn, ...templateDirs]);
  const view = target.view(input);
  const partials = partialsOf(files);
  const skip = new Set(view.skipTemplates);
  const styledRoot = new Set(view.styledTemplates);
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
  const overlaid = new Set([...files].filter(([, abs]) => !abs.startsWith(`${builtIn}${sep}`)).map(([rel]) => rel));
  const render = (template: string, context: Record<string, unknown>, outPath: string, flags: Pick<GeneratedFile, 'styled'> = {}): void => {
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
    // The view's layout promises hold for the built-in templates only: an overlay's output is formatted.
    const own = !overlaid.has(template);
    const file: GeneratedFile = { path: outPath, contents, ...(own && flags.styled === true ? { styled: true } : {}) };
    out.push(file);
    onRendered?.(file);
  };

  for (const [rel, abs] of files) {
    if (rel.startsWith(RUNTIME_PREFIX)) {
      const inner = rel.slice(RUNTIME_PREFIX.length);
      if (!rel.endsWith(target.runtime.extension) || view.excludeRuntime.some((prefix) => inner.startsWith(prefix))) continue;
      runtime.push({ path: `${runtimeDir}/${inner}`, contents: fs.readFileSync(abs, 'utf8') });
      continue;
    }
    if (!rel.endsWith('.hbs') || rel.startsWith('partials/') || rel.startsWith('items/') || skip.has(rel)) continue;
    render(rel, view.root, outputPath(rel), styledRoot.has(rel) ? { styled: true } : {});
  }
  for (const item of view.items) render(item.template, item.context, item.path, item);
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

/** One target's rendered files on their way through its formatter. */
export interface TargetFormatting {
  /** For `renderTarget`: takes each rendered file (`undefined`: the target has no formatter). */
  readonly onRendered: ((file: GeneratedFile) => void) | undefined;
  /** `files` (what `renderTarget` returned) with the formatted text of those the formatter took. */
  finish(files: readonly GeneratedFile[]): Promise<GeneratedFile[]>;
  /** Rendering failed: stops the formatter. */
  abort(): void;
}

/**
 * Starts the target's formatter for the output folder `outputDir` (absolute). Runtime files (under
 * `runtimeDir`) are copied as committed, already formatted and checked by the target's own linters;
 * the formatter decides which `styled` files it can leave as they are.
 */
export async function startFormatting(target: Target, runtimeDir: string, outputDir: string): Promise<TargetFormatting> {
  // The flags are for the formatter only; written files carry none.
  const plain = (f: GeneratedFile): GeneratedFile => (f.styled === true ? { path: f.path, contents: f.contents } : f);
  if (!target.formatter) return { onRendered: undefined, finish: async (files) => files.map(plain), abort: () => undefined };
  const session = await target.formatter(outputDir);
  const prefix = `${runtimeDir}/`;
  return {
    onRendered: (file) => {
      if (!file.path.startsWith(prefix)) session.add(file);
    },
    finish: async (files) => {
      const formatted = new Map((await session.finish()).map((f) => [f.path, f]));
      return files.map((f) => formatted.get(f.path) ?? plain(f));
    },
    abort: () => session.abort(),
  };
}

/** `renderTarget` feeding `formatting`; the formatter is stopped if rendering fails. */
export function renderFormatting(formatting: TargetFormatting, target: Target, input: ViewInput, templateDirs: readonly string[]): GeneratedFile[] {
  try {
    return renderTarget(target, input, templateDirs, formatting.onRendered);
  } catch (error) {
    formatting.abort();
    throw error;
  }
}

/** Renders and formats one target's files (the whole render stage for one target). */
export async function renderAndFormat(target: Target, input: ViewInput, templateDirs: readonly string[]): Promise<GeneratedFile[]> {
  const formatting = await startFormatting(target, target.runtime.outputDir(input.config), input.config.output);
  return formatting.finish(renderFormatting(formatting, target, input, templateDirs));
}
