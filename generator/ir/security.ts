/**
 * Security: the document's schemes (as defined, plus what the SDK implements for each) and the
 * effective requirements of each operation.
 */
import { childPointer, isObject, str, type BuildContext, type JsonObject } from './context';
import { serverVariableNames, tokenUrlSource } from './token-url';
import type {
  IrAuthImplementation,
  IrAuthKind,
  IrOAuthFlow,
  IrSecurityRequirement,
  IrSecurityScheme,
  IrSecuritySchemeSource,
} from './types';

const OAUTH_FLOWS = ['clientCredentials', 'authorizationCode', 'implicit', 'password', 'deviceAuthorization'] as const;

type SchemePlan = Exclude<IrAuthImplementation, { option: unknown }> | { readonly kind: IrAuthKind };

/** The schemes in document order, each with its implementation (and option/member names). */
export function buildSecuritySchemes(ctx: BuildContext): IrSecurityScheme[] {
  const components = isObject(ctx.document['components']) ? ctx.document['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const planned: { source: IrSecuritySchemeSource; plan: SchemePlan; pointer: string }[] = [];
  for (const [schemeName, raw] of Object.entries(schemes)) {
    const pointer = childPointer('#/components/securitySchemes', schemeName);
    const resolved = ctx.deref(raw, pointer);
    if (!resolved) continue;
    const source = schemeSource(schemeName, resolved.node);
    planned.push({ source, plan: planScheme(source), pointer });
  }
  // "Only scheme of its kind" is a fact policies name options by, so count before naming.
  const perKind = new Map<string, number>();
  for (const { plan } of planned) if (plan.kind !== 'unsupported') perKind.set(plan.kind, (perKind.get(plan.kind) ?? 0) + 1);

  const serverVariables = serverVariableNames(ctx.document);
  const options = ctx.names.scope('configOptions', 'configOptions');
  const members = ctx.names.clientMembers;
  const result: IrSecurityScheme[] = [];
  for (const { source, plan, pointer } of planned) {
    const scheme = source.schemeName;
    if (plan.kind === 'unsupported') {
      ctx.warn(`security scheme \`${scheme}\`: ${plan.reason}`, pointer);
      result.push({ ...source, implementation: plan });
      continue;
    }
    const option = ctx.names.request({ role: 'authOption', scheme, kind: plan.kind, onlyOfKind: perKind.get(plan.kind) === 1 }, options);
    if (plan.kind === 'clientCredentials' && source.kind === 'oauth2') {
      const cc = source.flows.find((f) => f.kind === 'clientCredentials');
      const propertyName = ctx.names.request({ role: 'authProperty', scheme }, members);
      const tokenUrl = cc?.tokenUrl ?? '';
      result.push({
        ...source,
        clientCredentials: {
          propertyName,
          credentialsOption: option,
          tokenUrl,
          tokenUrlSource: tokenUrlSource(tokenUrl, serverVariables),
          scopes: cc?.scopes ?? [],
        },
        implementation: { kind: 'clientCredentials', option },
      });
      continue;
    }
    result.push({ ...source, implementation: { kind: plan.kind, option } });
  }
  return result;
}

/**
 * The effective requirements of operations, in spec order. Schemes the SDK cannot implement, and
 * names that are not schemes, are left out of each requirement (warned once each): a requirement
 * of only such schemes becomes `{}`, so the call goes out without SDK credentials and the caller
 * can add them through request headers, instead of failing on every call.
 */
export function securityRequirements(ctx: BuildContext, schemes: readonly IrSecurityScheme[]): (node: JsonObject, pointer: string) => IrSecurityRequirement[] {
  const supported = new Map(schemes.map((s) => [s.schemeName, s.implementation.kind !== 'unsupported']));
  const warnedUnknown = new Set<string>();
  return (node, pointer) => {
    const own = node['security'] !== undefined;
    const raw = own ? node['security'] : ctx.document['security'];
    if (!Array.isArray(raw)) return [];
    const where = own ? childPointer(pointer, 'security') : '#/security';
    const result: IrSecurityRequirement[] = [];
    for (const requirement of raw) {
      if (!isObject(requirement)) continue;
      const entry: Record<string, readonly string[]> = {};
      for (const [scheme, scopes] of Object.entries(requirement)) {
        const known = supported.get(scheme);
        if (known === undefined) {
          if (!warnedUnknown.has(`${where}\u0000${scheme}`)) {
            warnedUnknown.add(`${where}\u0000${scheme}`);
            ctx.warn(`security requirement names unknown scheme \`${scheme}\`; it is left out`, where);
          }
          continue;
        }
        if (!known) continue;
        entry[scheme] = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
      }
      result.push(entry);
    }
    return result;
  };
}

/** The scheme as the document defines it (no SDK decisions yet). */
function schemeSource(schemeName: string, s: JsonObject): IrSecuritySchemeSource {
  const description = str(s['description']);
  const docs = description !== undefined ? { description } : {};
  const type = str(s['type']) ?? '';
  if (type === 'oauth2') {
    const flowsNode = isObject(s['flows']) ? s['flows'] : {};
    const flows: IrOAuthFlow[] = [];
    for (const kind of OAUTH_FLOWS) {
      const f = flowsNode[kind];
      if (!isObject(f)) continue;
      const scopes = isObject(f['scopes'])
        ? Object.entries(f['scopes']).map(([name, d]) => ({ name, description: typeof d === 'string' ? d : '' }))
        : [];
      const tokenUrl = str(f['tokenUrl']);
      const authorizationUrl = str(f['authorizationUrl']);
      const refreshUrl = str(f['refreshUrl']);
      flows.push({
        kind,
        ...(tokenUrl !== undefined ? { tokenUrl } : {}),
        ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
        ...(refreshUrl !== undefined ? { refreshUrl } : {}),
        scopes,
      });
    }
    return { kind: 'oauth2', schemeName, flows, ...docs };
  }
  if (type === 'openIdConnect') return { kind: 'openIdConnect', schemeName, url: str(s['openIdConnectUrl']) ?? '', ...docs };
  if (type === 'apiKey') {
    const where = str(s['in']);
    return { kind: 'apiKey', schemeName, in: where === 'query' || where === 'cookie' ? where : 'header', name: str(s['name']) ?? '', ...docs };
  }
  if (type === 'http') {
    const bearerFormat = str(s['bearerFormat']);
    return {
      kind: 'http',
      schemeName,
      scheme: (str(s['scheme']) ?? '').toLowerCase(),
      ...(bearerFormat !== undefined ? { bearerFormat } : {}),
      ...docs,
    };
  }
  return { kind: 'other', schemeName, type, ...docs };
}

/** Which provider implements a scheme (the option name is requested afterwards). */
function planScheme(source: IrSecuritySchemeSource): SchemePlan {
  switch (source.kind) {
    case 'oauth2': {
      const cc = source.flows.find((f) => f.kind === 'clientCredentials');
      // A client-credentials flow wins: the SDK can then get tokens by itself.
      return cc?.tokenUrl !== undefined ? { kind: 'clientCredentials' } : { kind: 'tokenSupplier' };
    }
    case 'openIdConnect':
      return { kind: 'tokenSupplier' };
    case 'apiKey':
      return source.name === '' ? { kind: 'unsupported', reason: 'apiKey scheme without `name`; no auth code is generated for it' } : { kind: 'apiKey' };
    case 'http':
      if (source.scheme === 'bearer') return { kind: 'bearer' };
      if (source.scheme === 'basic') return { kind: 'basic' };
      return {
        kind: 'unsupported',
        reason: `HTTP authentication scheme \`${source.scheme}\` is not supported; operations requiring it are generated without it (send the \`Authorization\` header through the per-call request options)`,
      };
    case 'other':
      return {
        kind: 'unsupported',
        reason:
          source.type === 'mutualTLS'
            ? 'mutualTLS is configured in the transport (an HTTP client with a client certificate), not by the SDK; operations requiring it are generated without it'
            : `security scheme type \`${source.type}\` is not supported; operations requiring it are generated without it`,
      };
  }
}

/**
 * True when every operation needs `schemeName` whichever alternative is taken (and there is at
 * least one operation): its credentials can then be a required configuration option.
 */
export function requiredByEveryOperation(services: readonly { readonly operations: readonly { readonly security: readonly IrSecurityRequirement[] }[] }[], schemeName: string): boolean {
  const operations = services.flatMap((s) => s.operations);
  return operations.length > 0 && operations.every((op) => op.security.length > 0 && op.security.every((req) => Object.hasOwn(req, schemeName)));
}
