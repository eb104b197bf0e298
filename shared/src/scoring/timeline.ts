// The yearly cycle of the points and settlement rounds, in our own words with citations. Core (package root), not
// the guide entry: the home page in the main package shows it as well as the 办事指南 page.
import { FAQ_Q5_STEP_2, FAQ_Q5_STEP_3, FAQ_Q5_STEP_4 } from '../calendar/deadlines';
import type { Citation } from './types';

export interface TimelineStep {
  key: string;
  title: string;
  text: string;
  source: Citation;
}

/** The yearly cycle from 2022 on, in our own words (FAQ2021 Q4–Q6, Q9–Q10; R2023 §二(四)). */
export const YEARLY_TIMELINE: TimelineStep[] = [
  {
    key: 'cutoff',
    title: '指标截止日',
    text: '计分材料须在当期受理起始日的上月首日之前取得；积分落户申请11月1日开始，因此截止日为10月1日，年龄也按这一天计算。',
    source: { doc: 'FAQ2021', clause: 'Q5' },
  },
  {
    key: 'apply-points',
    title: '申请积分',
    text: '自2022年起每年一次，须在当年10月1日前完成积分申请，才能参加当年的积分落户。',
    source: { doc: 'FAQ2021', clause: 'Q6' },
  },
  {
    key: 'result',
    title: '查询积分',
    text: '受理后20个工作日可自行查询积分。',
    source: FAQ_Q5_STEP_2,
  },
  {
    key: 'objection',
    title: '提出异议',
    text: '对分值有异议的，须在查询结果后7个工作日内提出；逾期视为确认分值。',
    source: FAQ_Q5_STEP_2,
  },
  {
    key: 'certificate',
    title: '打印积分有效凭证',
    text: '获得积分7个工作日后，可在小程序或积分受理窗口打印积分有效凭证。',
    source: FAQ_Q5_STEP_3,
  },
  {
    key: 'apply-settlement',
    title: '申请积分落户',
    text: '每年11月1日至11月30日（节假日除外）集中受理，到拟落户地的户籍窗口递交申请。',
    source: { doc: 'FAQ2021', clause: 'Q6' },
  },
  {
    key: 'settlement-conditions',
    title: '积分落户申请条件',
    text: '持有杭州市区有效《浙江省居住证》，按期取得100分以上积分，年满18周岁，具有完全民事行为能力，且不是本市市区户籍。',
    source: FAQ_Q5_STEP_4,
  },
  {
    key: 'admission',
    title: '准入通知与落户',
    text: '公示结束并经批准后签发《积分落户准入通知书》，有效期60天，凭通知书到户籍窗口办理落户。',
    source: FAQ_Q5_STEP_4,
  },
];
