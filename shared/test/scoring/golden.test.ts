// Runs the golden cases in golden/*.yaml: one file per indicator family, each case a profile, a cut-off date and
// the points the policy gives it, written by hand from the policy with the rule it checks. The files are for a
// policy officer to read and extend without reading TypeScript; this runner only turns each case into assertions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { INDICATORS, scorePoints } from '../../src/scoring';
import type { IndicatorCode, ProfileInput, ScoreWarning } from '../../src/scoring';
import { bornAged, item } from './helpers';

const GOLDEN_DIR = join(__dirname, 'golden');
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');
const INDICATOR = z.enum(Object.keys(INDICATORS) as [IndicatorCode, ...IndicatorCode[]]);

// Strict: a misspelt key in a file fails loudly instead of silently checking nothing.
const CaseSchema = z.strictObject({
  edge: z.string().min(1),
  citation: z.string().min(1),
  note: z.string().optional(),
  cutoff: DATE,
  profile: z.record(z.string(), z.unknown()),
  expect: z
    .strictObject({
      points: z.partialRecord(INDICATOR, z.number()).optional(),
      explanation: z.partialRecord(INDICATOR, z.string()).optional(),
      total: z.number().nullable().optional(),
      nonZeroPoints: z.array(z.number()).optional(),
      ruleVersions: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
      noWarnings: z.array(z.string()).optional(),
    })
    .refine((e) => Object.values(e).some((v) => v !== undefined), 'a case must expect something'),
});
const FileSchema = z.strictObject({ title: z.string().min(1), cases: z.array(CaseSchema).min(1) });
type GoldenCase = z.infer<typeof CaseSchema>;

/** The profile of a case: `ageOnCutoff: N` (or no birth date at all, meaning 30) becomes the matching birth date. */
function profileOf(c: GoldenCase): ProfileInput {
  const { ageOnCutoff, ...fields } = c.profile;
  const birthDate =
    (fields.birthDate as string | undefined) ??
    bornAged(ageOnCutoff === undefined ? 30 : Number(ageOnCutoff), c.cutoff);
  return { ...fields, birthDate } as ProfileInput;
}

const files = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

test('the golden files hold every case (178 when they moved out of the test files)', () => {
  const count = files.reduce(
    (n, f) => n + FileSchema.parse(parse(readFileSync(join(GOLDEN_DIR, f), 'utf8'))).cases.length,
    0,
  );
  expect(count).toBeGreaterThanOrEqual(178);
});

for (const file of files) {
  const golden = FileSchema.parse(parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')));
  describe(`${file}: ${golden.title}`, () => {
    test.each(golden.cases.map((c) => [`${c.edge}（截止日${c.cutoff}）`, c] as const))('%s', (_name, c) => {
      const result = scorePoints(profileOf(c), { cutoffDate: c.cutoff });
      const e = c.expect;
      for (const [code, points] of Object.entries(e.points ?? {}))
        expect([code, item(result, code as IndicatorCode).points]).toEqual([code, points]);
      for (const [code, text] of Object.entries(e.explanation ?? {}))
        expect(item(result, code as IndicatorCode).explanation).toBe(text);
      if (e.total !== undefined) expect(result.total).toBe(e.total);
      if (e.nonZeroPoints)
        expect(result.items.filter((i) => i.points !== 0).map((i) => i.points)).toEqual(e.nonZeroPoints);
      for (const id of e.ruleVersions ?? []) expect(result.ruleVersionIds).toContain(id);
      const codes = result.warnings.map((w: ScoreWarning) => w.code as string);
      for (const code of e.warnings ?? []) expect(codes.includes(code)).toBe(true);
      for (const code of e.noWarnings ?? []) expect(codes.includes(code)).toBe(false);
    });
  });
}
