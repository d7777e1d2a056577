import type { LoadedSpec } from '../../generator/bundle';
import { DEFAULT_NAMING, type ResolvedConfig } from '../../generator/config/types';
import { buildIr, type Ir } from '../../generator/ir';
import type { Problem } from '../../generator/problems';

export function config(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    input: '/specs/test.yaml',
    output: '/out',
    packageName: 'testsdk',
    packageVersion: undefined,
    clientName: undefined,
    templates: undefined,
    allowRemoteRefs: false,
    refRoot: '/specs',
    naming: DEFAULT_NAMING,
    ...overrides,
  };
}

export function spec(document: Record<string, unknown>, path = '/specs/test.yaml'): LoadedSpec {
  return { path, document, locate: () => undefined };
}

export function build(document: Record<string, unknown>, overrides: Partial<ResolvedConfig> = {}): { ir: Ir; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const ir = buildIr(spec(document), config(overrides), (p) => warnings.push(p));
  return { ir, warnings };
}

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
