/**
 * Handlebars in two parts: the runtime, which runs templates (the built-in ones arrive compiled by
 * `npm run build`, see `./precompiled.ts`), and the compiler, loaded only when a template has to
 * be compiled at run time (an overlay's own template, one edited since the build, tests run from
 * the sources). The runtime alone loads in half the time of the whole package (~20 ms of ~40 ms
 * on every run).
 *
 * Both are Handlebars environments with the same built-in helpers; sdkgen registers none and
 * passes partials as compiled templates on every call, so a template runs the same in either.
 */
import type * as HandlebarsPackage from 'handlebars';

type Handlebars = typeof HandlebarsPackage;

/* eslint-disable @typescript-eslint/no-require-imports */
/** The runtime environment (`handlebars/runtime`): `template`, helpers, `COMPILER_REVISION`. */
export const handlebarsRuntime = require('handlebars/runtime') as Handlebars;

/** The full package (`compile`, `parse`, `precompile`), loaded on first use. */
export function handlebarsCompiler(): Handlebars {
  return require('handlebars') as Handlebars;
}
/* eslint-enable @typescript-eslint/no-require-imports */
