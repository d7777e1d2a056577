/**
 * The naming engine and the target-neutral parts of naming: words and casings, collision scopes,
 * spelled numbers, status words. What each target does with them is its policy
 * (`generator/targets/<target>/naming-policy.ts`); every identifier of every target comes from
 * `resolveNames` driven by that policy.
 */
export { Names, resolveNames } from './engine';
export type { NamingPolicy, ScopeRules } from './policy';
export { NameScope } from './scope';
export { NUMERIC_TEXT, spellNumber } from './numbers';
export { STATUS_NAMES, statusWords } from './status-names';
export { camelWords, kebabWords, pascalWords, snakeWords, splitWords, titleWords, upperFirst, upperSnakeWords } from './words';
export { identifierSyntax } from './identifier-syntax';
export { environmentWords, operationWords, operationWordsFromPath } from './path-words';
