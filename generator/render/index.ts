/**
 * The render stage: IR → TypeScript SDK files. The view builder (`./typescript/view.ts`) makes
 * every string; templates (see `./templates.ts` for the folder layout and overlay) only place them.
 */
import type { Ir } from '../ir';
import { ConfigError, InternalError } from '../errors';
import { buildView } from './typescript/view';
import { builtinTemplateDir, compileFile, overlayFiles, partialsOf } from './templates';
import * as fs from 'node:fs';

/** One output file: a POSIX path relative to the output folder, and its full text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

export function renderTypeScript(ir: Ir, options: { templateDirs: readonly string[] }): GeneratedFile[] {
  // Later folders win: built-in first, then the user's overlays in the order given.
  const files = overlayFiles([builtinTemplateDir(), ...options.templateDirs]);
  const view = buildView(ir);
  const partials = partialsOf(files);
  const skip = new Set(view.skipTemplates);
  const out: GeneratedFile[] = [];
  const render = (template: string, context: Record<string, unknown>, outPath: string): void => {
    const abs = files.get(template);
    if (abs === undefined) throw new InternalError(`template ${template} not found`);
    let contents: string;
    try {
      contents = compileFile(abs)(context, { partials });
    } catch (error) {
      throw new InternalError(`template ${template}: ${(error as Error).message}`, { cause: error });
    }
    out.push({ path: outPath, contents });
  };

  for (const [rel, abs] of files) {
    if (rel.startsWith('runtime/')) {
      const inner = rel.slice('runtime/'.length);
      if (!rel.endsWith('.ts') || view.excludeRuntime.some((prefix) => inner.startsWith(prefix))) continue;
      out.push({ path: `src/runtime/${inner}`, contents: fs.readFileSync(abs, 'utf8') });
      continue;
    }
    if (!rel.endsWith('.hbs') || rel.startsWith('partials/') || rel.startsWith('items/') || skip.has(rel)) continue;
    render(rel, view.root, rel.slice(0, -'.hbs'.length));
  }
  for (const item of view.items) render(item.template, item.context, item.path);

  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < out.length; i++) {
    const clash = out[i]?.path;
    if (clash !== undefined && clash === out[i - 1]?.path) {
      // The built-in templates never clash, so an overlay did (e.g. a `runtime/index.ts`, whose
      // output the template `src/runtime/index.ts.hbs` already produces).
      const sources = [...files.keys()].filter((rel) => rel === `${clash}.hbs` || `src/${rel}` === clash);
      const from = sources.length > 0 ? ` (${sources.join(' and ')})` : '';
      const message = `two template files produce ${clash}${from}; keep only one of them in your --templates folder`;
      throw options.templateDirs.length > 0 ? new ConfigError(message) : new InternalError(message);
    }
  }
  return out;
}
