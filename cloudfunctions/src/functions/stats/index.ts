// stats (read-only): the administrator's charts of a round, the settlement line's consequence before it is set, and
// a person's own points history. Charts are SVG drawn here (svg.ts) with their summary and table for screen readers.
//
// Who: `overview` — admin, and the district offices read-only (they answer the objections it counts; the charts
// hold counts only, no person). `linePreview` — admin only (the line is theirs to set). `history` — the person and
// their delegates (an entrustment or a relation mayActFor accepts), never staff.
import { LinePreviewInput, PointsHistoryInput, StatsOverviewInput } from '@hz-points/shared';
import { subjectOfCall } from '../../core/access';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction } from '../../core/action';
import { AppError } from '../../core/errors';
import { roundId } from '../../core/model';
import { pointsHistory } from './history';
import { previewLine } from './line-preview';
import { roundOverview } from './overview';

const overview = defineAction({
  input: StatsOverviewInput,
  access: ['admin', 'district-office'],
  mutates: false,
  async run(ctx) {
    if (!(await ctx.runtime.store.get(COLLECTIONS.rounds, roundId(ctx.input.year))))
      throw new AppError('ROUND_NOT_FOUND');
    return roundOverview(ctx.runtime.store, ctx.input.year, ctx.today);
  },
});

const linePreview = defineAction({
  input: LinePreviewInput,
  access: ['admin'],
  mutates: false,
  async run(ctx) {
    const i = ctx.input;
    return previewLine(
      ctx.runtime.store,
      i.year,
      i.mode === 'quota' ? { mode: 'quota', quota: i.quota } : { mode: 'threshold', threshold: i.threshold },
    );
  },
});

const history = defineAction({
  input: PointsHistoryInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const { subject } = await subjectOfCall(ctx);
    return pointsHistory(ctx.runtime.store, subject, ctx.today);
  },
});

export const statsFunction = defineFunction('stats', { overview, linePreview, history });
