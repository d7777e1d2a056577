import type { LoadedSpec } from '../../generator/bundle';
import { DEFAULT_NAMING, type ResolvedConfig, type TargetConfig } from '../../generator/config/types';
import { buildIr, type Ir, type IrName, type IrSchema } from '../../generator/ir';
import { resolveNames, type Names } from '../../generator/naming';
import { viewInput } from '../../generator/pipeline';
import { renderTarget, type GeneratedFile } from '../../generator/render';
import { targetById } from '../../generator/targets';
import type { Problem } from '../../generator/problems';
import { targetById, type TargetId } from '../../generator/targets';
import { TypePrinter } from '../../generator/targets/typescript/view/types';

/** Settings of one target, with test defaults (`testsdk`, TypeScript). */
export function targetConfig(overrides: Partial<TargetConfig> = {}): TargetConfig {
  const target = overrides.target ?? 'typescript';
  return {
    target,
    output: '/out',
    packageName: 'testsdk',
    packageVersion: undefined,
    clientName: undefined,
    templates: undefined,
    naming: target === 'typescript' ? DEFAULT_NAMING : targetById(target).defaults.naming,
    ...overrides,
  };
}

/** A resolved config with one target; `overrides` may set shared and target keys alike. */
export function config(overrides: Partial<Omit<ResolvedConfig, 'targets'>> & Partial<TargetConfig> = {}): ResolvedConfig {
  const { input, allowRemoteRefs, refRoot, strict, ...target } = overrides;
  return {
    input: input ?? '/specs/test.yaml',
    allowRemoteRefs: allowRemoteRefs ?? false,
    refRoot: refRoot ?? '/specs',
    strict: strict ?? false,
    targets: [targetConfig(target)],
  };
}

export function spec(document: Record<string, unknown>, path = '/specs/test.yaml'): LoadedSpec {
  return { path, document, locate: () => undefined };
}

/** The target-neutral IR of `document`, with the warnings found on the way. */
export function buildNeutral(document: Record<string, unknown>, path?: string): { ir: Ir; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const ir = buildIr(spec(document, path), (p) => warnings.push(p));
  return { ir, warnings };
}

/** A target's names for an IR. */
export function namesFor(ir: Ir, overrides: Partial<TargetConfig> = {}): Names {
  const settings = targetConfig(overrides);
  return resolveNames(ir.names, targetById(settings.target).namingPolicy(settings));
}

/**
 * Deep copy of `value` with every name request replaced by its identifier in `names`: the IR as a
 * target sees it, for assertions on naming.
 */
export function withNames<T>(value: T, names: Names): unknown {
  const seen = new Map<object, unknown>();
  const map = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (isName(v)) return names.of(v);
    const known = seen.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(map(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, item] of Object.entries(v)) out[k] = map(item);
    return out;
  };
  return map(value);
}

function isName(v: object): v is IrName {
  return 'role' in v && 'scope' in v && 'id' in v;
}

/**
 * The IR of `document` with one target's identifiers in place of name requests (TypeScript by
 * default): what naming assertions read. `names` is kept for tests that need both views.
 */
export function build(
  document: Record<string, unknown>,
  overrides: Partial<TargetConfig> = {},
): { ir: NamedIr; warnings: Problem[]; neutral: Ir; names: Names } {
  const { ir: neutral, warnings } = buildNeutral(document);
  const names = namesFor(neutral, overrides);
  return { ir: withNames(neutral, names) as NamedIr, warnings, neutral, names };
}

/**
 * The rendered files of one target (TypeScript by default), synchronously: only for targets whose
 * view prints formatted code (a target with a formatter goes through `renderTargetFiles`).
 */
export function render(ir: Ir, overrides: Partial<TargetConfig> = {}): GeneratedFile[] {
  const config = targetConfig(overrides);
  const target = targetById(config.target);
  if (target.format) throw new Error(`render(): ${config.target} has a formatter; use await renderTargetFiles(ir, config)`);
  return renderTarget(target, viewInput(ir, config), config.templates ? [config.templates] : []);
}

/** The IR with identifiers for names: what `withNames` returns (typed loosely for assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertion helper over a deep-mapped copy
export type NamedIr = any;

/** Component schemas the schema tables refer to: objects A and B, and Cat/Dog for discriminators. */
export const SCHEMA_HELPERS = {
  A: { type: 'object', properties: { a: { type: 'string' } } },
  B: { type: 'object', properties: { b: { type: 'number' } } },
  Cat: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, meow: { type: 'boolean' } } },
  Dog: { type: 'object', required: ['petType'], properties: { petType: { type: 'string', enum: ['dog'] } } },
};

/** A minimal document with the given component schemas and paths. */
export function doc(parts: { schemas?: Record<string, unknown>; paths?: Record<string, unknown>; extra?: Record<string, unknown> }): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Test', version: '1.0.0' },
    paths: parts.paths ?? {},
    components: { schemas: parts.schemas ?? {} },
    ...parts.extra,
  };
}

export type { TargetId };

/** Names that are already identifiers (the refs of a `build()` result hold strings). */
const IDENTITY_NAMES = { of: (name: unknown): string => String(name) } as unknown as Names;

/** The TypeScript type of a schema of a `build()` result. */
export function tsType(schema: unknown): { text: string; members?: readonly string[] } {
  return new TypePrinter(IDENTITY_NAMES).type(schema as IrSchema);
}
