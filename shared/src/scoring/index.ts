// Public surface of the scoring barrel (owner: scoring engineer).
export * from './types';
export { DEPARTMENTS } from './departments';
export * from './rules';
export * from './threshold';
export * from './timeline';
// guide.ts (departments, guide rows, FAQ) is the separate entry `@hz-points/shared/guide` (src/guide.ts).
export * from './profile';
export { ruleSetFor, allRuleSets, InvalidCutoffDateError } from './ruleset';
export type { RuleSet, VersionsByCode } from './ruleset';
export * from './score';
export * from './plan';
export * from './rank';
