// 一票否决: the published conditions (each with its own source) and the reason a vetoed profile is given.
import type { Indicator, IndicatorVersion, VetoParams } from '../types';
import { CHECKED_BY_PUBLIC_SECURITY, TABLE_COPY, VETO_NOTE_COPY } from './common';

export const vetoIndicator: Indicator<'veto'> = {
  code: 'veto',
  label: '一票否决',
  group: 'veto',
  department: 'public-security',
  evidence: [CHECKED_BY_PUBLIC_SECURITY],
  lookBackYears: null,
  summary:
    '有严重刑事犯罪记录（法院判决犯故意杀人、故意伤害致人重伤或死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪，' +
    '或被判处5年以上有期徒刑的刑事犯罪），或参加国家禁止的组织或活动的，实行一票否决，不予积分。',
  versions: [
    {
      id: 'veto-table',
      from: null,
      until: null,
      params: {
        // B: the conditions several copies (and RULES.md) agree on; C: only in the one copy of the 指标体系's note 1.
        conditions: [
          { text: '犯故意杀人罪', source: TABLE_COPY, confidence: 'B' },
          { text: '犯故意伤害罪致人重伤或死亡', source: VETO_NOTE_COPY, confidence: 'C' },
          { text: '犯强奸罪', source: VETO_NOTE_COPY, confidence: 'C' },
          { text: '犯抢劫罪', source: TABLE_COPY, confidence: 'B' },
          { text: '犯贩卖毒品罪', source: TABLE_COPY, confidence: 'B' },
          { text: '犯放火罪', source: VETO_NOTE_COPY, confidence: 'C' },
          { text: '犯爆炸罪', source: VETO_NOTE_COPY, confidence: 'C' },
          { text: '犯投放危险物质罪', source: VETO_NOTE_COPY, confidence: 'C' },
          { text: '被判处5年（含）以上有期徒刑的刑事犯罪', source: TABLE_COPY, confidence: 'B' },
          { text: '参加国家禁止的组织', source: TABLE_COPY, confidence: 'B' },
          { text: '参加国家禁止的活动', source: VETO_NOTE_COPY, confidence: 'C' },
        ],
      },
      source: TABLE_COPY,
      otherSources: [VETO_NOTE_COPY],
      verified: false,
      confidence: 'B',
      note:
        '一票否决情形均来自公开转载，两份来源文件未涉及。完整清单见《杭州市居住证积分管理指标体系（试行）》公开转载的注1' +
        '（严重刑事犯罪指法院判决犯故意杀人、故意伤害致人重伤或死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪，' +
        '或被判处5年有期徒刑以上的刑事犯罪；"以上"含本数）；其中只见于该转载的情形可信度为C。' +
        '表单以"是否存在一票否决情形"一项采集，由申请人或审核部门判断。',
    },
  ],
};

/** Why a vetoed profile gets no total: every published condition, since the form asks only "any of these?". */
export function vetoReason(version: IndicatorVersion<VetoParams>): string {
  return `存在一票否决情形（以下之一：${version.params.conditions.map((c) => c.text).join('、')}），不予积分。`;
}
