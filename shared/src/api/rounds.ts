// Input schemas and error codes of the yearly-round functions: `rounds` (admin: dates, line, publication),
// `settlement` (积分落户申请 and the admission notice) and `reminders`. Owner: certificates/rounds engineer.
import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageSchema, RequestIdSchema, YearSchema } from './schemas';
import { roundDateOrderIssue, roundDates, type RoundDateOrderInput } from '../calendar/rounds';
import { tryParseDate } from '../calendar/civil-date';
import { FIELD_LABELS } from './fields';
import { LINE_RULES } from '../scoring/threshold';

/** A real calendar date (2029-02-30 and 2030-11-31 are refused): the one shared date schema. */
const DateSchema = IsoDateSchema;

/** Dates an administrator may move from the defaults of `roundDates(year)` (e.g. a published later closing day). */
export const RoundDatesPatchSchema = z
  .strictObject({
    settlementOpens: DateSchema.optional(),
    settlementCloses: DateSchema.optional(),
    pointsApplicationCloses: DateSchema.optional(),
  })
  .refine((d) => !d.settlementOpens || !d.settlementCloses || d.settlementOpens <= d.settlementCloses, {
    message: '受理结束日期不能早于开始日期',
    path: ['settlementCloses'],
  });

/** A round's dates with an admin's patch applied (the `rounds` handlers store exactly this). */
export function patchedRoundDates(
  round: RoundDateOrderInput,
  patch: { settlementOpens?: string; settlementCloses?: string; pointsApplicationCloses?: string },
): RoundDateOrderInput {
  return {
    cutoffDate: round.cutoffDate,
    settlementOpens: patch.settlementOpens ?? round.settlementOpens,
    settlementCloses: patch.settlementCloses ?? round.settlementCloses,
    pointsApplication: {
      opens: round.pointsApplication.opens,
      closes: patch.pointsApplicationCloses ?? round.pointsApplication.closes,
    },
  };
}

/**
 * The Chinese sentence for a round's dates out of order, naming the field ("积分申请截止日：须早于落户申请开始日（…）"),
 * or null when they are in order. Used by the open schema (against `roundDates(year)`) and by `rounds.adjust`
 * (against the stored round, which an earlier adjustment may have moved).
 */
export function roundDateOrderMessage(dates: RoundDateOrderInput): string | null {
  const issue = roundDateOrderIssue(dates);
  return issue ? `${FIELD_LABELS[issue.field]}：${issue.message}` : null;
}

export const OpenRoundInput = z
  .strictObject({ year: YearSchema, dates: RoundDatesPatchSchema.optional() })
  .superRefine(({ year, dates }, ctx) => {
    if (!dates || Object.values(dates).some((d) => typeof d !== 'string' || !tryParseDate(d))) return;
    let defaults: RoundDateOrderInput;
    try {
      defaults = roundDates(year);
    } catch {
      return; // a year without a timetable is the handler's VALIDATION_FAILED (ROUND_UNKNOWN's message)
    }
    const issue = roundDateOrderIssue(patchedRoundDates(defaults, dates));
    if (issue) ctx.addIssue({ code: 'custom', path: ['dates', issue.field], message: issue.message });
  });
export const AdjustRoundInput = z.strictObject({ year: YearSchema, dates: RoundDatesPatchSchema });
export const CloseRoundInput = z.strictObject({ year: YearSchema });
export const GetRoundInput = z.strictObject({ year: YearSchema });

/**
 * The line (录取分数线):
 * - `quota`: before 2023-05-08 — a yearly number of places; applicants are ranked by the published order and the
 *   line is the points of the last admitted one;
 * - `threshold`: from 2023-05-08 — everyone meeting the basic conditions at or above the line; the threshold to
 *   apply is the floor, which the city may raise to its capacity.
 * Every bound is the line's rule data (LINE_RULES, with its citations).
 */
const { thresholdFloor, thresholdStep, thresholdCeiling, quotaCeiling } = LINE_RULES;
export const SetLineInput = z.discriminatedUnion('mode', [
  z.strictObject({
    year: YearSchema,
    mode: z.literal('quota'),
    quota: z.number().int().min(1).max(quotaCeiling.places),
  }),
  z.strictObject({
    year: YearSchema,
    mode: z.literal('threshold'),
    threshold: z
      .number()
      .min(thresholdFloor.points, `分数线不得低于${thresholdFloor.points}分`)
      .max(thresholdCeiling.points)
      .refine((n) => Number.isInteger(n / thresholdStep.points), `分数线应为${thresholdStep.points}的整数倍`),
  }),
]);
export const PublishRoundInput = z.strictObject({ year: YearSchema });
/** The progress of a year's publication job (admin). */
export const PublicationStatusInput = z.strictObject({ year: YearSchema });
export const ListRoundResultsInput = z.strictObject({ year: YearSchema, ...PageSchema });
export const MyStandingInput = z.strictObject({ year: YearSchema, onBehalfOf: IdSchema.optional() });

export const ROUNDS_ACTION_INPUTS = {
  open: OpenRoundInput,
  adjust: AdjustRoundInput,
  close: CloseRoundInput,
  get: GetRoundInput,
  setLine: SetLineInput,
  publish: PublishRoundInput,
  results: ListRoundResultsInput,
  myStanding: MyStandingInput,
  publicationStatus: PublicationStatusInput,
} as const;

// ---- settlement (积分落户) ----

/** The urban districts where points settlement applies (RULES.md "Later changes"). */
export const URBAN_DISTRICTS = [
  '上城区',
  '拱墅区',
  '西湖区',
  '西湖风景名胜区',
  '钱塘区',
  '滨江区',
  '萧山区',
  '余杭区',
  '临平区',
  '富阳区',
  '临安区',
] as const;

export const ApplySettlementInput = z.strictObject({
  year: YearSchema,
  onBehalfOf: IdSchema.optional(),
  /** The intended district (拟落户区), whose registry window receives the application. */
  district: z.enum(URBAN_DISTRICTS),
  /** Declarations checked again at the window with the documents (basic conditions, RULES.md settlement). */
  declarations: z.strictObject({
    /** Holds a valid Zhejiang residence permit issued for the urban districts. */
    validResidencePermit: z.boolean(),
    /** Has full civil capacity (完全民事行为能力). */
    fullCivilCapacity: z.boolean(),
    /** Already holds an urban-Hangzhou hukou (then points settlement does not apply). */
    hasUrbanHangzhouHukou: z.boolean(),
  }),
  requestId: RequestIdSchema,
});
export const SettlementRefInput = z.strictObject({ year: YearSchema, onBehalfOf: IdSchema.optional() });
export const WithdrawSettlementInput = z.strictObject({ year: YearSchema, onBehalfOf: IdSchema.optional() });

/** The registry window records that the person settled with their admission notice (district office). */
export const RecordSettledInput = z.strictObject({ year: YearSchema, personId: IdSchema });

export const SETTLEMENT_ACTION_INPUTS = {
  apply: ApplySettlementInput,
  get: SettlementRefInput,
  withdraw: WithdrawSettlementInput,
  recordSettled: RecordSettledInput,
} as const;

// ---- reminders ----
export const ListRemindersInput = z.strictObject({ onBehalfOf: IdSchema.optional(), ...PageSchema });
/** Runs the daily deadline sweep (a timer trigger in production; admin-callable for tests and the local cloud). */
export const SweepRemindersInput = z.strictObject({});

/** Our subscribe-message templates (ids per deployment: docs/DEPLOY.md). */
export const SUBSCRIBE_TEMPLATE_NAMES = ['status', 'deadline'] as const;
export type SubscribeTemplateName = (typeof SUBSCRIBE_TEMPLATE_NAMES)[number];
/** The taps after which a person is asked to subscribe, and the templates each asks for (≤ 3 per request). */
export const SUBSCRIPTION_TAPS = {
  /** 积分申请 submitted: the result / certificate (status) and the later deadlines (deadline). */
  applicationSubmitted: ['status', 'deadline'],
  /** 异议申请 filed: the answer. */
  objectionFiled: ['status'],
  /** 积分落户申请 submitted: admission (status) and the admission notice running out (deadline). */
  settlementApplied: ['status', 'deadline'],
} as const satisfies Record<string, readonly SubscribeTemplateName[]>;
export type SubscriptionTap = keyof typeof SUBSCRIPTION_TAPS;
/**
 * What came of asking, per template: WeChat's answers (accept, reject, ban = blocked by WeChat, filter = dropped for
 * a repeated title), `failed` (the request itself failed, e.g. no tap or an old client), `not-offered` (not asked:
 * the template is not configured).
 */
export const SUBSCRIBE_OUTCOMES = ['accept', 'reject', 'ban', 'filter', 'failed', 'not-offered'] as const;
export const RecordSubscriptionInput = z.strictObject({
  tap: z.enum(Object.keys(SUBSCRIPTION_TAPS) as [SubscriptionTap, ...SubscriptionTap[]]),
  /** `wechat`: the answer of wx.requestSubscribeMessage; `simulated`: local mode's stand-in (refused in WeChat). */
  source: z.enum(['wechat', 'simulated']),
  results: z
    .array(z.strictObject({ template: z.enum(SUBSCRIBE_TEMPLATE_NAMES), outcome: z.enum(SUBSCRIBE_OUTCOMES) }))
    .min(1)
    .max(3)
    .refine((rs) => new Set(rs.map((r) => r.template)).size === rs.length, '同一模板只能记录一次'),
  /** One tap is recorded once (a retried call adds nothing). */
  requestId: RequestIdSchema,
});
/** Which templates this deployment has, with their ids (the client needs them for wx.requestSubscribeMessage). */
export const SubscriptionTemplatesInput = z.strictObject({});
/** Sends due outbox messages now (the timer does it every 5 minutes in production; admin-callable locally). */
export const SendRemindersInput = z.strictObject({});

export const REMINDERS_ACTION_INPUTS = {
  list: ListRemindersInput,
  sweep: SweepRemindersInput,
  recordSubscription: RecordSubscriptionInput,
  templates: SubscriptionTemplatesInput,
  send: SendRemindersInput,
} as const;

// Error codes of these actions are part of ERROR_CODES in ./errors.
