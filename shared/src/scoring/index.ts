// Public surface of the scoring barrel (owner: scoring engineer).
export * from './types';
export * from './rules';
export * from './guide';
export * from './profile';
export { ruleSetFor, allRuleSets, InvalidCutoffDateError } from './ruleset';
export type { RuleSet, VersionsByCode } from './ruleset';
export * from './score';
export * from './plan';
export * from './rank';
