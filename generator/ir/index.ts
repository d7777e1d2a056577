/** The IR stage (see `./build.ts`) and its types (see `./types.ts`). */
export { buildIr } from './build';
export { serversNeedExpansion } from './servers';
export { requiredByEveryOperation } from './security';
export { specText } from './schemas/spec-text';
export type * from './types';
export { describeSchema } from './describe';
