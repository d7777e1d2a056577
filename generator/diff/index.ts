/** The diff stage: two IRs → the changes to the generated SDK and a suggested version bump. */
export { compareIr } from './compare';
export { describeChange, type CodeQuoter } from './describe';
export { diffMarkdown } from './markdown';
export { applyBump, bumpOf } from './semver';
export type { ApiChange, ApiDiff, ChangeKind, Impact } from './types';
