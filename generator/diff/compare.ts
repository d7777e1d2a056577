/**
 * Compares two IRs by what every generated SDK exposes, in spec terms: operations by operationId
 * (else method and path), parameters and properties by wire name, models by their spec name,
 * enum members by value. Types are compared as the spec states them (`describeSchema`), the same
 * for every target; a change inside a referenced model shows up once, at that model, not at
 * every use.
 */
import { describeSchema, specText } from '../ir';
import type { Ir, IrModel, IrOperation, IrParameter, IrSchema } from '../ir/types';
import { impactRank } from './semver';
import type { ApiChange, Impact } from './types';

/** Every change from `before` to `after`, sorted (major first, then by target and member). */
export function compareIr(before: Ir, after: Ir): ApiChange[] {
  const changes = [...compareOperations(before, after), ...compareModels(before.models, after.models)];
  return changes.sort(
    (a, b) =>
      impactRank(a.impact) - impactRank(b.impact) ||
      cmp(a.target, b.target) ||
      cmp(a.kind, b.kind) ||
      cmp(a.member ?? '', b.member ?? ''),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const typeText = (schema: IrSchema | undefined): string => (schema ? describeSchema(schema) : 'nothing');
const requiredness = (required: boolean): string => (required ? 'required' : 'optional');

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/** Operations by operationId, else by `METHOD path` (what identifies them in the spec). */
function operationsOf(ir: Ir): Map<string, IrOperation> {
  const out = new Map<string, IrOperation>();
  for (const service of ir.services) {
    for (const op of service.operations) out.set(op.operationId ?? routeOf(op), op);
  }
  return out;
}

function compareOperations(before: Ir, after: Ir): ApiChange[] {
  const old = operationsOf(before);
  const now = operationsOf(after);
  const out: ApiChange[] = [];
  for (const [target, op] of old) {
    if (!now.has(target)) out.push({ kind: 'operation-removed', impact: 'major', target, route: routeOf(op) });
  }
  for (const [target, op] of now) {
    const was = old.get(target);
    if (!was) out.push({ kind: 'operation-added', impact: 'minor', target, route: routeOf(op) });
    else out.push(...compareOperation(target, was, op));
  }
  return out;
}

const routeOf = (op: IrOperation): string => `${op.httpMethod} ${op.path}`;
const paramKey = (p: IrParameter): string => `${p.in}\u0000${p.name}`;

function compareOperation(target: string, was: IrOperation, op: IrOperation): ApiChange[] {
  const route = routeOf(op);
  const out: ApiChange[] = [];
  const at = (kind: ApiChange['kind'], impact: Impact, rest: Partial<ApiChange> = {}): void => {
    out.push({ kind, impact, target, route, ...rest });
  };

  const oldParams = new Map(was.parameters.map((p) => [paramKey(p), p]));
  const newParams = new Map(op.parameters.map((p) => [paramKey(p), p]));
  for (const [key, p] of oldParams) {
    if (!newParams.has(key)) at('parameter-removed', 'major', { member: p.name, detail: p.in });
  }
  for (const [key, p] of newParams) {
    const q = oldParams.get(key);
    if (!q) {
      // A new required parameter breaks every existing call; an optional one breaks none.
      at('parameter-added', p.required ? 'major' : 'minor', { member: p.name, detail: p.in, to: requiredness(p.required) });
      continue;
    }
    const [from, to] = [typeText(q.schema), typeText(p.schema)];
    if (from !== to) at('parameter-type-changed', 'major', { member: p.name, detail: p.in, from, to });
    if (q.required !== p.required) {
      at('parameter-required-changed', p.required ? 'major' : 'patch', {
        member: p.name,
        detail: p.in,
        from: requiredness(q.required),
        to: requiredness(p.required),
      });
    }
  }

  const [ob, nb] = [was.requestBody, op.requestBody];
  if (ob && !nb) at('body-removed', 'major', { from: typeText(ob.schema) });
  else if (!ob && nb) at('body-added', nb.required ? 'major' : 'minor', { to: typeText(nb.schema) });
  else if (ob && nb) {
    const [from, to] = [typeText(ob.schema), typeText(nb.schema)];
    if (from !== to) at('body-type-changed', 'major', { from, to });
    if (ob.required !== nb.required) {
      at('body-required-changed', nb.required ? 'major' : 'patch', { from: requiredness(ob.required), to: requiredness(nb.required) });
    }
  }

  const [from, to] = [typeText(was.success?.schema), typeText(op.success?.schema)];
  if (from !== to) at('response-type-changed', 'major', { from, to });

  // Error classes are thrown, not called: a different set changes behaviour, not the compile.
  const errors = (o: IrOperation): string => o.errors.map((e) => `${e.status} ${specText(e.className)}`).join(', ');
  if (errors(was) !== errors(op)) at('errors-changed', 'patch', { from: errors(was) || 'none', to: errors(op) || 'none' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/** What a model is: an object (properties), an enum (values) or another type. */
type Shape =
  | { readonly kind: 'interface'; readonly schema: Extract<IrSchema, { kind: 'object' }>; readonly extends: string }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly type: string }
  | { readonly kind: 'alias'; readonly type: string };

function shapeOf(model: IrModel): Shape {
  // As the spec states it, not as shaped for one direction (see `IrModel.specSchema`).
  const s = model.specSchema;
  if (s.kind === 'object' && !s.nullable) return { kind: 'interface', schema: s, extends: (model.extends ?? []).map(specText).join(', ') };
  if (s.kind === 'enum') return { kind: 'enum', values: s.members.map((m) => JSON.stringify(m.value)), type: typeText(s) };
  return { kind: 'alias', type: typeText(s) };
}

/** One-line description of a shape, for a model whose kind of declaration changed. */
function shapeText(shape: Shape): string {
  if (shape.kind === 'interface') return `object${shape.extends ? ` extending ${shape.extends}` : ''}`;
  return shape.type;
}

function compareModels(before: readonly IrModel[], after: readonly IrModel[]): ApiChange[] {
  // Request variants (`PetWritable`) are the same spec schemas seen from requests: compared through their base model.
  const old = new Map(before.filter((m) => m.variantOf === undefined).map((m) => [m.specName, m]));
  const now = new Map(after.filter((m) => m.variantOf === undefined).map((m) => [m.specName, m]));
  const out: ApiChange[] = [];
  for (const name of old.keys()) if (!now.has(name)) out.push({ kind: 'model-removed', impact: 'major', target: name });
  for (const [name, model] of now) {
    const was = old.get(name);
    if (!was) {
      out.push({ kind: 'model-added', impact: 'minor', target: name });
      continue;
    }
    const [a, b] = [shapeOf(was), shapeOf(model)];
    if (a.kind === 'interface' && b.kind === 'interface') out.push(...compareInterfaces(name, a, b));
    else if (a.kind === 'enum' && b.kind === 'enum') out.push(...compareEnums(name, a.values, b.values));
    else if (shapeText(a) !== shapeText(b)) {
      out.push({ kind: 'model-type-changed', impact: 'major', target: name, from: shapeText(a), to: shapeText(b) });
    }
  }
  return out;
}

function compareInterfaces(
  target: string,
  a: Extract<Shape, { kind: 'interface' }>,
  b: Extract<Shape, { kind: 'interface' }>,
): ApiChange[] {
  const out: ApiChange[] = [];
  if (a.extends !== b.extends) {
    out.push({ kind: 'model-type-changed', impact: 'major', target, from: shapeText(a), to: shapeText(b) });
  }
  const old = new Map(a.schema.properties.map((p) => [p.name, p]));
  const now = new Map(b.schema.properties.map((p) => [p.name, p]));
  for (const name of old.keys()) if (!now.has(name)) out.push({ kind: 'property-removed', impact: 'major', target, member: name });
  for (const [name, p] of now) {
    const q = old.get(name);
    if (!q) {
      // A new required property breaks code that builds the object (request bodies).
      out.push({ kind: 'property-added', impact: p.required ? 'major' : 'minor', target, member: name, to: requiredness(p.required) });
      continue;
    }
    const [from, to] = [typeText(q.schema), typeText(p.schema)];
    if (from !== to) out.push({ kind: 'property-type-changed', impact: 'major', target, member: name, from, to });
    if (q.required !== p.required) {
      // Both directions break users: a newly required property breaks code building the object, a
      // newly optional one may be missing for code reading it (TypeScript: its type gains `undefined`).
      out.push({
        kind: 'property-required-changed',
        impact: 'major',
        target,
        member: name,
        from: requiredness(q.required),
        to: requiredness(p.required),
      });
    }
  }
  const [ai, bi] = [a.schema.additionalProperties, b.schema.additionalProperties];
  if (typeText(ai) !== typeText(bi)) {
    out.push({ kind: 'property-type-changed', impact: 'major', target, member: '*', from: ai ? typeText(ai) : 'none', to: bi ? typeText(bi) : 'none' });
  }
  return out;
}

function compareEnums(target: string, a: readonly string[], b: readonly string[]): ApiChange[] {
  const [old, now] = [new Set(a), new Set(b)];
  return [
    ...a.filter((v) => !now.has(v)).map((v): ApiChange => ({ kind: 'enum-value-removed', impact: 'major', target, member: v })),
    ...b.filter((v) => !old.has(v)).map((v): ApiChange => ({ kind: 'enum-value-added', impact: 'minor', target, member: v })),
  ];
}
