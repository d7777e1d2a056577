/**
 * The target registry: every target sdkgen can generate, by id. Adding a target means adding its
 * folder and one line here.
 */
import { UsageError } from '../errors';
import type { Target } from './types';
import { pythonTarget } from './python';
import { typescriptTarget } from './typescript';

const TARGETS = {
  typescript: typescriptTarget,
  python: pythonTarget,
} as const satisfies Readonly<Record<string, Target>>;

/** The targets sdkgen generates. */
export type TargetId = keyof typeof TARGETS;

/** Ids of all targets, in registry order. */
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];

export function isTargetId(id: string): id is TargetId {
  return Object.prototype.hasOwnProperty.call(TARGETS, id);
}

/** The target with this id (a `UsageError` listing the known ones otherwise). */
export function targetById(id: string): Target {
  if (!isTargetId(id)) throw new UsageError(`unknown target '${id}' (known: ${TARGET_IDS.join(', ')})`);
  return TARGETS[id];
}

export type { Target, TargetView, ViewFile, ViewInput } from './types';
