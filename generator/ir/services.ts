/** Services: operations grouped by their first tag (in order of first appearance), one API class each. */
import type { BuildContext } from './context';
import { tagDescriptions, type RawOperation } from './collect';
import { buildOperation, type OperationDeps } from './operations';
import type { IrName, IrService } from './types';

const DEFAULT_TAG = 'default';

function groupByTag(ops: readonly RawOperation[]): Map<string, RawOperation[]> {
  const groups = new Map<string, RawOperation[]>();
  for (const op of ops) {
    const tags = Array.isArray(op.node['tags']) ? op.node['tags'].filter((t): t is string => typeof t === 'string') : [];
    const tag = tags[0] ?? DEFAULT_TAG;
    let group = groups.get(tag);
    if (!group) groups.set(tag, (group = []));
    group.push(op);
  }
  return groups;
}

/** API class names for every tag first (they outrank inline models), then each service's operations. */
export function buildServices(ctx: BuildContext, deps: OperationDeps, rawOps: readonly RawOperation[]): IrService[] {
  const docs = tagDescriptions(ctx);
  const groups = groupByTag(rawOps);
  const classNames = new Map<string, IrName>();
  for (const tag of groups.keys()) classNames.set(tag, ctx.names.request({ role: 'apiClass', tag }, ctx.names.types));
  const files = ctx.names.scope('apiFiles', 'apiFiles');
  const services: IrService[] = [];
  for (const [tag, group] of groups) {
    const methods = ctx.names.scope('methods', `methods:${tag}`);
    const operations = group.map((op) => buildOperation(deps, op, methods));
    const description = docs.get(tag);
    services.push({
      tag,
      className: classNames.get(tag) as IrName,
      propertyName: ctx.names.request({ role: 'apiProperty', tag }, ctx.names.clientMembers),
      fileName: ctx.names.request({ role: 'apiFile', tag }, files),
      ...(description !== undefined ? { description } : {}),
      operations,
    });
  }
  return services;
}
