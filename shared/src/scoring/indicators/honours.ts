// 奖项和荣誉称号: dated data and the formula (each matter counts once, then per-level caps).
import { fmt, H, NOT_FILLED } from '../formula';
import type { Formula } from '../formula';
import { HONOUR_LEVEL_LABELS } from '../profile';
import type { HonourLevel, HonoursParams, Indicator } from '../types';
import { FAQ_Q5, TABLE_COPY } from './common';

export const honoursIndicator: Indicator<'honours'> = {
  code: 'honours',
  label: '奖项和荣誉称号',
  group: 'bonus',
  department: 'honours',
  evidence: ['荣誉证书或表彰文件（截止日前5年内取得）'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q5,
  summary:
    '截止日前5年内获得的荣誉：国家级每项80分（最高240分），省级50分（最高150分），市级30分（最高90分），区、县级10分（最高30分）；同一事项只计最高一项。',
  versions: [
    {
      id: 'honours-table',
      from: null,
      until: null,
      params: {
        levels: {
          national: { each: 80, cap: 240 },
          provincial: { each: 50, cap: 150 },
          city: { each: 30, cap: 90 },
          district: { each: 10, cap: 30 },
        },
      },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: '分值与上限来自公开转载。"同一事项"以填写的事项名称（去除首尾空格后）相同判断。',
    },
  ],
};

const HONOUR_ORDER: readonly HonourLevel[] = ['national', 'provincial', 'city', 'district'];

/**
 * Honours, literal reading (COMBINATION_RULES.honoursSameMatter, RULES.md): each matter (same trimmed name) scores
 * only its highest honour, and each level's cap applies after that. Taken literally, a higher honour for a matter
 * whose level is already full can lower a total; the reading that avoids this gives more, so by the lower-reading
 * principle it stays in the data as an unused alternative.
 */
function honourCounts(
  honours: readonly { level: HonourLevel; matter: string }[],
  params: HonoursParams,
): { halves: number; counts: number[]; matters: number } {
  // matter → index of its highest level in HONOUR_ORDER (0 = national, the highest)
  const highest = new Map<string, number>();
  for (const h of honours) {
    const key = h.matter.trim();
    const level = HONOUR_ORDER.indexOf(h.level);
    const seen = highest.get(key);
    if (seen === undefined || level < seen) highest.set(key, level);
  }
  const counts = [0, 0, 0, 0];
  for (const level of highest.values()) counts[level]!++;
  let halves = 0;
  for (let l = 0; l < 4; l++) {
    const { each, cap } = params.levels[HONOUR_ORDER[l]!];
    halves += Math.min(counts[l]! * H(each), H(cap));
  }
  return { halves, counts, matters: highest.size };
}

export const honoursFormula: Formula<'honours'> = (profile, version, context) => {
  const honours = profile.honours;
  if (!honours || honours.length === 0) return { halves: 0, explanation: honours ? '无荣誉：0分' : NOT_FILLED };
  context.lookBack = true;
  const counted = honourCounts(honours, version.params);
  const parts: string[] = [];
  for (let l = 0; l < HONOUR_ORDER.length; l++) {
    const n = counted.counts[l]!;
    if (n === 0) continue;
    const level = HONOUR_ORDER[l]!;
    const { each, cap } = version.params.levels[level];
    parts.push(`${HONOUR_LEVEL_LABELS[level]}${n}项${n * each > cap ? `（达上限${cap}分）` : ''}`);
  }
  const sameMatter = honours.length - counted.matters;
  return {
    halves: counted.halves,
    explanation:
      `${parts.join('、')}：${fmt(counted.halves)}分` +
      (sameMatter > 0 ? `；同一事项只计最高一项，${sameMatter}项未计` : ''),
  };
};
