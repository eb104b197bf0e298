/**
 * @jest-environment node
 */
// "No policy number in client/src" (issue 11), held: the pages read the threshold, the working-day periods, the line's
// bounds and the form limits from the rules package (POINTS_THRESHOLD, DEADLINE_PERIODS, LINE_RULES,
// OBJECTION_TEXT_MAX…), each cited there. This scan fails when one of the known numbers is written into client code
// again: 100 points, 20/15/7 working days, 1000, an age or a notice's days in a sentence. Comments may name them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..');

/** What a policy number looks like in code or in a Chinese sentence, by the rule it restates. */
const POLICY_PATTERNS: Array<[string, RegExp]> = [
  ['100 points in words', /(?<![\d.])100\s*分/],
  ['100 compared with', /(?:[<>]=?|[=!]==?|\?\?)\s*100(?![\d.%])|(?<![\d.])100\s*(?:[<>]=?|[=!]==?)(?!>)/],
  ['working days in words', /(?<![\d.])(?:20|15|7)\s*个?工作日/],
  ['working days in code', /workdays\s*[:=]\s*\d/],
  ['1000 (a line, a quota or a text limit)', /(?<![\d._*/]\s?)1_?000(?![\d_])(?!\s*[*/])/],
  ['an age in words', /年满\d+周岁/],
  ['a notice period in words', /有效期\d+天/],
];

/** The line without its comment: whole-line comments, JSDoc lines and a trailing `// …`. */
function codeOf(line: string): string {
  if (/^\s*(?:\/\/|\/\*|\*)/.test(line)) return '';
  return line.replace(/\s\/\/\s.*$/, '');
}

/** The rules a line of client code restates (their names), none for a clean line. */
function policyNumbersIn(line: string): string[] {
  const code = codeOf(line);
  return POLICY_PATTERNS.filter(([, re]) => re.test(code)).map(([name]) => name);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('no policy number in client/src', () => {
  it('recognises the numbers it looks for, in code and in sentences', () => {
    expect(policyNumbersIn("setValue(v === 'threshold' ? '100' : '1000');")).toEqual([
      '1000 (a line, a quota or a text limit)',
    ]);
    expect(policyNumbersIn('ok: points !== null && points >= 100,')).toEqual(['100 compared with']);
    expect(policyNumbersIn('<Text>积分达到100分可申请</Text>')).toEqual(['100 points in words']);
    expect(policyNumbersIn('<InfoNotice>异议应在提出后15个工作日内答复。</InfoNotice>')).toEqual([
      'working days in words',
    ]);
    expect(policyNumbersIn('结果在受理后20个工作日公布')).toEqual(['working days in words']);
    expect(policyNumbersIn('<TextArea maxLength={1000} />')).toEqual(['1000 (a line, a quota or a text limit)']);
    expect(policyNumbersIn('const result = { workdays: 20 };')).toEqual(['working days in code']);
    expect(policyNumbersIn('另须：年满18周岁')).toEqual(['an age in words']);
    expect(policyNumbersIn('准入通知书（有效期60天）')).toEqual(['a notice period in words']);
  });

  it('leaves alone what is not policy: percentages, page sizes, unit conversions, comments', () => {
    expect(policyNumbersIn('const percent = Math.round(progress * 100);')).toEqual([]);
    expect(policyNumbersIn("style={{ width: '100%' }}")).toEqual([]);
    expect(policyNumbersIn('const PAGE = 100;')).toEqual([]);
    expect(policyNumbersIn('const seconds = ms / 1000;')).toEqual([]);
    expect(policyNumbersIn('// points ≥ 100 on an active certificate')).toEqual([]);
    expect(policyNumbersIn(' * "截止2026年3月30日，还剩5个工作日"')).toEqual([]);
    expect(policyNumbersIn('`${DEADLINE_PERIODS.objectionAnswer.workdays}个工作日`')).toEqual([]);
  });

  it('finds none in client/src', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const rule of policyNumbersIn(line)) found.push(`${relative(SRC, file)}:${i + 1} ${rule}`);
        });
    }
    expect(found).toEqual([]);
  });
});
