// calendar: the official holiday schedule of a later year, added as data when the State Council publishes it (our
// built-in data, chinese-days 1.5.7, stops at 2026; working days are never guessed). See API.md「calendar」.
import {
  ListCalendarYearsInput,
  OFFICIAL_CALENDAR_YEARS,
  RegisterCalendarYearInput,
  coveredCalendarYears,
} from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction } from '../../core/action';
import {
  applyCalendarYear,
  calendarYearId,
  ensureCalendarYears,
  invalidateCalendarYears,
  type CalendarYearDoc,
} from '../../core/calendar-years';
import { AppError } from '../../core/errors';

const BUILT_IN = new Set(OFFICIAL_CALENDAR_YEARS.map((y) => y.year));

const registerYear = defineAction({
  input: RegisterCalendarYearInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const { year, source } = ctx.input;
    if (BUILT_IN.has(year)) {
      throw new AppError('CONFLICT', `${year}年的节假日安排为内置官方数据，不能覆盖`);
    }
    const doc: CalendarYearDoc = {
      _id: calendarYearId(year),
      year,
      holidays: [...ctx.input.holidays].sort(),
      workdays: [...ctx.input.workdays].sort(),
      source,
      registeredAt: ctx.now.toISOString(),
      registeredByOpenid: ctx.openid,
    };
    await ctx.mutate(async (tx, audit) => {
      // Registered once: deadlines already stored were computed from it, so a correction is not a silent overwrite.
      if (await tx.get<CalendarYearDoc>(COLLECTIONS.calendarYears, doc._id)) {
        throw new AppError('CONFLICT', `${year}年的节假日安排已登记，不能重复登记`);
      }
      await tx.insert(COLLECTIONS.calendarYears, doc);
      await audit({
        target: { collection: COLLECTIONS.calendarYears, id: doc._id },
        details: { year, holidays: doc.holidays.length, workdays: doc.workdays.length, source },
      });
    });
    // This instance knows it at once; the others within CALENDAR_REFRESH_MS.
    invalidateCalendarYears(ctx.runtime.store);
    applyCalendarYear(doc);
    return { year: yearView(doc) };
  },
});

function yearView(doc: CalendarYearDoc) {
  return {
    year: doc.year,
    origin: 'registered' as const,
    source: doc.source,
    holidays: doc.holidays,
    workdays: doc.workdays,
    registeredAt: doc.registeredAt,
  };
}

const list = defineAction({
  input: ListCalendarYearsInput,
  access: 'caller',
  mutates: false,
  async run(ctx) {
    await ensureCalendarYears(ctx.runtime.store, ctx.runtime.log, ctx.runtime.now().getTime());
    const stored = await ctx.runtime.store.find<CalendarYearDoc>(
      COLLECTIONS.calendarYears,
      {},
      {
        orderBy: [['year', 'asc']],
        limit: 100,
      },
    );
    const years = [
      ...OFFICIAL_CALENDAR_YEARS.map((y) => ({
        year: y.year,
        origin: 'built-in' as const,
        source: y.source,
        registeredAt: null,
      })),
      // Who registered it stays in the audit log, not in a public answer.
      ...stored
        .filter((d) => !BUILT_IN.has(d.year))
        .map((d) => ({ ...yearView(d), holidays: undefined, workdays: undefined })),
    ]
      .map(({ year, origin, source, registeredAt }) => ({ year, origin, source, registeredAt }))
      .sort((a, b) => a.year - b.year);
    return { years, covered: coveredCalendarYears() };
  },
});

export const calendarFunction = defineFunction('calendar', { registerYear, list });
