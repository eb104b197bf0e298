// Selects, for a cut-off date, the version of every indicator in force. The table of boundaries is computed once
// at load time; each segment's rule set is built on first use, so scoring does a cached lookup, not a search.
import { tryParseDate } from '../calendar/civil-date';
import { INDICATORS } from './rules';
import type { IndicatorCode, IndicatorVersion, ParamsByCode } from './types';

export type VersionsByCode = { [C in IndicatorCode]: IndicatorVersion<ParamsByCode[C]> };

export interface RuleSet {
  /** Cut-off dates this set applies to: [from, until), null = open. */
  from: string | null;
  until: string | null;
  /** Ids of the versions in force, e.g. 'age-R2023', for audit records. */
  versionIds: string[];
  versions: VersionsByCode;
}

export class InvalidCutoffDateError extends Error {
  readonly code = 'INVALID_CUTOFF_DATE';
  constructor(readonly input: unknown) {
    super(`指标截止日不是有效的日期：${String(input)}（应为 YYYY-MM-DD）`);
    this.name = 'InvalidCutoffDateError';
  }
}

function inForce(v: { from: string | null; until: string | null }, date: string): boolean {
  return (v.from === null || v.from <= date) && (v.until === null || date < v.until);
}

const BOUNDARIES: string[] = (() => {
  const set = new Set<string>();
  for (const ind of Object.values(INDICATORS)) {
    for (const v of ind.versions as { from: string | null; until: string | null }[]) {
      if (v.from) set.add(v.from);
      if (v.until) set.add(v.until);
    }
  }
  return [...set].sort();
})();

const SEGMENTS: (RuleSet | undefined)[] = new Array(BOUNDARIES.length + 1);

function buildSegment(index: number): RuleSet {
  const from = index === 0 ? null : BOUNDARIES[index - 1]!;
  const until = index === BOUNDARIES.length ? null : BOUNDARIES[index]!;
  // Any date inside the segment selects the same versions; use its first day (or the day before `until`).
  const probe = from ?? '0000-01-01';
  const versions = {} as Record<string, IndicatorVersion<unknown>>;
  const versionIds: string[] = [];
  for (const [code, ind] of Object.entries(INDICATORS)) {
    const list = ind.versions as IndicatorVersion<unknown>[];
    const found = list.filter((v) => inForce(v, probe));
    if (found.length !== 1) {
      // A data error (gap or overlap), found by the data tests; never silently pick one.
      throw new Error(`rule data: ${code} has ${found.length} versions in force on ${probe}`);
    }
    versions[code] = found[0]!;
    versionIds.push(found[0]!.id);
  }
  return { from, until, versionIds, versions: versions as VersionsByCode };
}

const CACHE = new Map<string, RuleSet>();
const CACHE_LIMIT = 256;

/** The rule set in force for a round with this cut-off date. Throws InvalidCutoffDateError for a bad date. */
export function ruleSetFor(cutoffDate: string): RuleSet {
  const cached = CACHE.get(cutoffDate);
  if (cached) return cached;
  if (typeof cutoffDate !== 'string' || tryParseDate(cutoffDate) === null) throw new InvalidCutoffDateError(cutoffDate);
  let index = 0;
  while (index < BOUNDARIES.length && BOUNDARIES[index]! <= cutoffDate) index++;
  const set = SEGMENTS[index] ?? (SEGMENTS[index] = buildSegment(index));
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(cutoffDate, set);
  return set;
}

/** Every distinct rule set, oldest first (for the guide page and the data tests). */
export function allRuleSets(): RuleSet[] {
  const out: RuleSet[] = [];
  for (let i = 0; i <= BOUNDARIES.length; i++) out.push(SEGMENTS[i] ?? (SEGMENTS[i] = buildSegment(i)));
  return out;
}
