/**
 * The IR stage: turns a bundled OpenAPI 3.x document into the target-neutral `Ir` (see
 * `./types.ts`). Each concern has its own builder; this file runs them in the order their names
 * must be given out (the naming engine resolves names in creation order), so the order is
 * explicit here:
 *
 *   client → component models → security schemes → servers → services and their operations
 *   (inline models, parameters, error classes as met) → component schemas' contents
 *
 * Linear in the size of the document: every lookup is a map built once.
 */
import * as path from 'node:path';
import type { LoadedSpec } from '../bundle';
import type { ProblemSink } from '../problems';
import { errorBodyComponents, collectOperations } from './collect';
import { BuildContext, isObject, str } from './context';
import { ErrorClasses } from './errors';
import { featuresOf } from './features';
import { SchemaConverter } from './schemas/convert';
import { buildSecuritySchemes, securityRequirements } from './security';
import { buildServers, mergeServerVariables } from './servers';
import { buildServices } from './services';
import { withPagination } from './pagination';
import { splitByUsage } from './usage';
import type { Ir } from './types';
import { isValidSemver } from '../config/identifiers';

export function buildIr(spec: LoadedSpec, sink: ProblemSink): Ir {
  const ctx = new BuildContext(spec, sink);
  const info = isObject(ctx.document['info']) ? ctx.document['info'] : {};
  const title = str(info['title']) ?? '';
  const version = str(info['version']) ?? '0.0.0';
  if (!isValidSemver(version)) {
    ctx.warn(`info.version '${version}' is not a semantic version (like 1.2.3); the generated packages get version 0.0.0 unless package.version is set`, '#/info/version');
  }
  const client = ctx.names.request({ role: 'client', title }, ctx.names.types);

  const rawOps = collectOperations(ctx);
  const schemas = new SchemaConverter(ctx);
  schemas.declareComponents(errorBodyComponents(ctx, rawOps));
  const securitySchemes = buildSecuritySchemes(ctx);
  const servers = buildServers(ctx);
  const errors = new ErrorClasses(ctx);
  const built = buildServices(ctx, { schemas, errors, securityOf: securityRequirements(ctx, securitySchemes) }, rawOps);
  schemas.convertComponents();
  const converted = schemas.models.all();
  // Pagination follows `$ref`s into component schemas, so it is read once they are converted.
  const paged = withPagination(ctx, built, rawOps, converted);
  // Last: shaping by usage needs every model and operation, and its names come after all others.
  const { models, services, errors: errorClasses } = splitByUsage(ctx.names, converted, paged, errors.all());

  const operationServers = services.flatMap((s) => s.operations.flatMap((op) => op.servers ?? []));
  const description = str(info['description']);
  return {
    specFileName: path.basename(spec.path),
    info: {
      title,
      version,
      ...(description !== undefined ? { description } : {}),
    },
    client,
    servers,
    serverVariables: mergeServerVariables([...servers, ...operationServers]),
    securitySchemes,
    services,
    models,
    errors: errorClasses,
    features: featuresOf(securitySchemes, services, servers),
    names: ctx.names.all(),
  };
}
