/**
 * A fast path for templates that are only text and `{{name}}` insertions, such as the Python
 * module template through which every model, controller and package module of a Python SDK is
 * rendered (7,000 times for GitHub's API). Handlebars builds helper and prototype-access tables
 * for every call of a template, a tenth of a second over those calls; such a template needs none
 * of it and is rendered here by concatenation, with the same result. A call that Handlebars would
 * treat differently (a missing, inherited or non-string value, a name that is also a helper) is
 * handed to the compiled Handlebars template, so errors and output stay exactly Handlebars'.
 */
import type Handlebars from 'handlebars';
import { handlebarsCompiler, handlebarsRuntime } from './handlebars';

type Compiled = Handlebars.TemplateDelegate;

/** Text, or the name of a context value inserted there. */
export type PlainPart = string | { readonly name: string };

/**
 * `full` with the fast path in front when `source` parses (whitespace control applied) to text
 * and plain mustaches only; `full` itself otherwise. Templates are compiled with `noEscape`, so a
 * value is inserted as it is.
 */
export function withPlainFastPath(source: string, full: Compiled): Compiled {
  return withPlainParts(plainParts(source), full);
}

/** `withPlainFastPath` for a template already split by `plainParts` (the build does it, see `./precompiled`). */
export function withPlainParts(parts: readonly PlainPart[] | undefined, full: Compiled): Compiled {
  if (parts === undefined) return full;
  const names = [...new Set(parts.flatMap((p) => (typeof p === 'string' ? [] : [p.name])))];
  const fast = (context: unknown, options?: Handlebars.RuntimeOptions): string => {
    if (typeof context !== 'object' || context === null || options?.helpers !== undefined) return full(context, options);
    const values = context as Record<string, unknown>;
    for (const name of names) {
      const own = Object.prototype.hasOwnProperty.call(values, name);
      if (!own || typeof values[name] !== 'string' || handlebarsRuntime.helpers[name] !== undefined) return full(context, options);
    }
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : (values[part.name] as string);
    return out;
  };
  return fast;
}

/** The template as parts, or `undefined` when it has anything but text and `{{name}}`. */
export function plainParts(source: string): PlainPart[] | undefined {
  let program: hbs.AST.Program;
  try {
    program = handlebarsCompiler().parse(source);
  } catch {
    return undefined; // Handlebars reports the syntax error when it compiles the template
  }
  const parts: PlainPart[] = [];
  for (const node of program.body) {
    if (node.type === 'ContentStatement') {
      parts.push((node as hbs.AST.ContentStatement).value);
      continue;
    }
    if (node.type !== 'MustacheStatement') return undefined;
    const mustache = node as hbs.AST.MustacheStatement;
    if (mustache.params.length > 0 || mustache.hash !== undefined || mustache.path.type !== 'PathExpression') return undefined;
    const path = mustache.path as hbs.AST.PathExpression;
    const name = path.parts[0];
    // Not `@data`, `../x`, `this`, `a.b`, `./x` or `[x]`: one plain identifier.
    if (path.data || path.depth !== 0 || path.parts.length !== 1 || name === undefined || path.original !== name) return undefined;
    parts.push({ name });
  }
  return parts;
}
