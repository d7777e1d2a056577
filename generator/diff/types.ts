/** What `sdkgen diff` reports: changes to the generated SDK's surface between two specs. */

/** Semantic-versioning weight of a change (or of a whole diff). */
export type Impact = 'major' | 'minor' | 'patch';

/** Kinds of change, named after what a user of the SDK sees. */
export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-type-changed'
  | 'parameter-required-changed'
  | 'body-added'
  | 'body-removed'
  | 'body-type-changed'
  | 'body-required-changed'
  | 'response-type-changed'
  | 'errors-changed'
  | 'model-added'
  | 'model-removed'
  | 'model-type-changed'
  | 'property-added'
  | 'property-removed'
  | 'property-type-changed'
  | 'property-required-changed'
  | 'enum-value-added'
  | 'enum-value-removed';

/**
 * One change, in spec terms (the same for every target): operations by operationId (else
 * `METHOD path`), models by their spec name (component key, or inline context); `member` is the
 * wire name (parameter, property) or the enum value as JSON. Text fields hold raw spec text:
 * formatters escape it.
 */
export interface ApiChange {
  readonly kind: ChangeKind;
  readonly impact: Impact;
  /** The operationId (else `METHOD path`) for operations, the spec name for models. */
  readonly target: string;
  /** `GET /v1/things` for operations. */
  readonly route?: string;
  /** Parameter/property wire name, or enum value as JSON (`"RED"`, `3`). */
  readonly member?: string;
  /** Parameter location (`query`, `header`, …) or the generated property name of a parameter. */
  readonly detail?: string;
  /** Old and new value: a type in spec terms (see `describeSchema`), `required`/`optional`, or a status list. */
  readonly from?: string;
  readonly to?: string;
}

/** The result of comparing two generations. */
export interface ApiDiff {
  readonly from: { readonly spec: string; readonly packageName: string; readonly version: string };
  readonly to: { readonly spec: string; readonly packageName: string; readonly version: string };
  /** The largest impact of any change; `patch` when nothing in the SDK surface changed. */
  readonly bump: Impact;
  /** The old version with `bump` applied. */
  readonly suggestedVersion: string;
  /** Sorted: by impact (major first), then target, then member. */
  readonly changes: readonly ApiChange[];
}
