/** Checks the OpenAPI schema cannot express but that would break generation. */
import type { Problem } from '../problems';
import { listOperations } from './operations';
import { pathPart, templateVariables } from '../ir/url-template';

/** The `openapi` versions sdkgen generates from. */
export function checkVersion(document: Record<string, unknown>): { version?: '3.0' | '3.1'; problem?: Omit<Problem, 'location'> } {
  const raw = document.openapi;
  if (typeof raw === 'string') {
    const match = /^3\.(0|1)\.\d+(-.+)?$/.exec(raw);
    if (match) return { version: match[1] === '0' ? '3.0' : '3.1' };
  }
  const shown = raw === undefined ? 'no `openapi` field' : `openapi: ${JSON.stringify(raw)}`;
  return {
    problem: {
      severity: 'error',
      message: `unsupported OpenAPI version (${shown}); sdkgen supports 3.0.x and 3.1.x`,
      pointer: raw === undefined ? '#' : '#/openapi',
    },
  };
}

/** Two operations with one operationId would generate two methods with one name. */
export function checkDuplicateOperationIds(document: Record<string, unknown>): Array<Omit<Problem, 'location'>> {
  const firstUse = new Map<string, string>();
  const problems: Array<Omit<Problem, 'location'>> = [];
  for (const site of listOperations(document)) {
    const id = site.operation.operationId;
    if (typeof id !== 'string') continue;
    const here = `${site.method.toUpperCase()} ${site.path}`;
    const previous = firstUse.get(id);
    if (previous === undefined) {
      firstUse.set(id, here);
      continue;
    }
    problems.push({
      severity: 'error',
      message: `duplicate operationId '${id}' on ${here} (already used by ${previous})`,
      pointer: `${site.pointer}/operationId`,
    });
  }
  return problems;
}

/**
 * Every `{name}` in a path template needs an `in: path` parameter, or the generated method could
 * not fill the URL; one that is missing can only be a required path segment, which the IR adds
 * (a warning with a workaround: an error with --strict). The reverse (a declared path parameter
 * the template lacks) only wastes an argument: a plain warning.
 */
export function checkPathParameters(document: Record<string, unknown>): Array<Omit<Problem, 'location'>> {
  const problems: Array<Omit<Problem, 'location'>> = [];
  for (const site of listOperations(document)) {
    const inTemplate = templateVariables(site.path);
    // Variables after a `?` (a query written into the path) are not worked around.
    const inPath = templateVariables(pathPart(site.path));
    const declared = site.parameters.filter((p) => p.value.in === 'path');
    const here = `${site.method.toUpperCase()} ${site.path}`;
    for (const name of inTemplate) {
      if (declared.some((p) => p.value.name === name)) continue;
      if (inPath.includes(name)) {
        problems.push({
          severity: 'warning',
          message: `path parameter '${name}' of ${here} is not declared`,
          pointer: site.pointer,
          workaround: 'sdkgen adds it as a required string path parameter',
        });
      } else {
        problems.push({
          severity: 'error',
          message: `path parameter '${name}' of ${here} is not declared (add a parameter with in: path, name: ${name})`,
          pointer: site.pointer,
        });
      }
    }
    for (const param of declared) {
      if (typeof param.value.name === 'string' && !inTemplate.includes(param.value.name)) {
        problems.push({
          severity: 'warning',
          message: `path parameter '${param.value.name}' of ${here} does not appear in the path template`,
          pointer: param.pointer,
        });
      }
    }
  }
  return problems;
}
