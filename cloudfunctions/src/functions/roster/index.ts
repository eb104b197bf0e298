// Over 300 lines on purpose: the four actions of one function share the agent check, row matching and the board's
// rows (export writes what board shows); apart, they would import each other.
// roster: an employer agent's whole workforce. `import` reads the agent's own uploaded spreadsheet (files purpose
// `roster`), validates every row with the shared schemas and stores the good rows (bad rows are named, row and
// column); `assess` runs the rules package's planPoints over the roster; `board` shows where every employee's
// application stands and whose act is next; `export` stores the board as a spreadsheet behind a short-lived link.
// Acts the law gives the applicant (the commitment on submit, the objection) stay per person in their own actions.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  AssessRosterInput,
  ImportRosterInput,
  maskIdNumber,
  maskPhone,
  parseRosterRow,
  planPoints,
  pointsApplicationRound,
  RosterBoardInput,
  type RosterMatch,
  type RosterRow,
  type RosterRowError,
} from '@hz-points/shared';
import { defineAction, defineFunction, type ActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { COLLECTIONS } from '../../core/collections';
import type { EntrustmentDoc, FileDoc, PersonDoc } from '../../core/model';
import { findPersonByIdNumber } from '../accounts';
import { DOWNLOAD_LINK_SECONDS } from '../files';
import { arrangeBoard, boardCounts, boardRows, zhDate, type BoardRow } from './board';
import { importedEntryId, rosterHeadId, visibleRoster, type RosterEntryDoc, type RosterHeadDoc } from './model';
import { readRosterSheet } from './sheet';

const ROSTER_KINDS: Record<string, 'xlsx' | 'csv'> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
};

/** Rows per write transaction of an import (≈ 400 single-document operations on CloudBase). */
const ROSTER_CHUNK = 100;

/**
 * After an import completed: removes the rows a newer completed import replaced (best effort, outside any transaction:
 * a replaced row is never shown, so one left behind only costs space). Rows of imports still running are kept.
 */
async function sweepReplacedRows(ctx: ActionContext<unknown>, agentPersonId: string): Promise<void> {
  const store = ctx.runtime.store;
  const shown = new Set((await visibleRoster(store, agentPersonId)).map((e) => e._id));
  const head = await store.get<RosterHeadDoc>(COLLECTIONS.rosterHeads, rosterHeadId(agentPersonId));
  const completed = new Set(head?.completed ?? []);
  const all = await store.find<RosterEntryDoc>(COLLECTIONS.rosterEntries, { agentPersonId }, { limit: 100000 });
  const replaced = all.filter((e) => !shown.has(e._id) && (e.importId === undefined || completed.has(e.importId)));
  try {
    for (let i = 0; i < replaced.length; i += 16)
      await Promise.all(replaced.slice(i, i + 16).map((e) => store.remove(COLLECTIONS.rosterEntries, e._id)));
  } catch (e) {
    ctx.runtime.log('warn', 'roster sweep incomplete', { error: (e as Error).name });
  }
}

/** Row errors quoted in a refusal message (the full list is in the answer of a file with good rows). */
const ERRORS_IN_MESSAGE = 3;

/** The caller is an employer agent: they hold an entrustment (any state) or a stored roster. */
async function assertAgent(ctx: ActionContext<unknown>): Promise<PersonDoc> {
  const me = ctx.person!;
  const store = ctx.runtime.store;
  const asAgent = await store.count(COLLECTIONS.entrustments, { agentPersonId: me._id });
  if (asAgent > 0) return me;
  const rows = await store.count(COLLECTIONS.rosterEntries, { agentPersonId: me._id });
  if (rows > 0) return me;
  throw new AppError('FORBIDDEN', '仅单位经办人可使用：请先导入员工名单或建立单位委托');
}

/** How a good row stands against the registry: registered? entrusted to this agent? */
async function matchRow(
  ctx: ActionContext<unknown>,
  agent: PersonDoc,
  r: RosterRow,
): Promise<{ personId: string | null; match: RosterMatch }> {
  const store = ctx.runtime.store;
  const person = await findPersonByIdNumber(store, r.idNumber);
  if (!person) return { personId: null, match: 'not-registered' };
  const ent = await store.get<EntrustmentDoc>(COLLECTIONS.entrustments, `ent-${agent._id}-${person._id}`);
  if (ent?.status === 'active') return { personId: person._id, match: 'entrusted' };
  if (ent?.status === 'pending') return { personId: person._id, match: 'entrustment-pending' };
  return { personId: person._id, match: 'needs-entrustment' };
}

const importRoster = defineAction({
  input: ImportRosterInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const agent = ctx.person!;
    const store = ctx.runtime.store;
    const file = await store.get<FileDoc>(COLLECTIONS.files, ctx.input.fileId);
    // Only the caller's own roster upload: another agent's roster looks missing (ids cannot be probed).
    if (
      !file ||
      file.purpose !== 'roster' ||
      file.uploadedByPersonId !== agent._id ||
      file.ownerPersonId !== agent._id
    ) {
      throw new AppError('NOT_FOUND');
    }
    const kind = ROSTER_KINDS[file.contentType];
    const stored = kind ? await ctx.runtime.files.get(file.path) : null;
    if (!kind || !stored) throw new AppError('NOT_FOUND', '文件内容不存在');
    const sheetRows = await readRosterSheet(stored.bytes, kind);

    const errors: RosterRowError[] = [];
    const good: RosterRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const { row, cells } of sheetRows) {
      const parsed = parseRosterRow(cells, row, ctx.today);
      if (!parsed.ok) {
        errors.push(...parsed.errors);
        continue;
      }
      const seen = firstRowOf.get(parsed.row.idNumber);
      if (seen !== undefined) {
        errors.push({ row, column: '身份证号码', message: `第${row}行“身份证号码”：与第${seen}行重复` });
        continue;
      }
      firstRowOf.set(parsed.row.idNumber, row);
      good.push(parsed.row);
    }
    if (good.length === 0) {
      const shown = errors
        .slice(0, ERRORS_IN_MESSAGE)
        .map((e) => e.message)
        .join('；');
      throw new AppError('ROSTER_NO_VALID_ROWS', `名单中没有可导入的行（共${errors.length}处错误）：${shown}`);
    }
    // Matching reads by id outside the transaction: it is informational (the board re-reads entrustments live).
    const matched: { r: RosterRow; personId: string | null; match: RosterMatch }[] = [];
    for (const r of good) matched.push({ r, ...(await matchRow(ctx, agent, r)) });
    const importedAt = ctx.now.toISOString();
    // Written in chunks (a CloudBase transaction holds single-document operations and must commit within 30 s: one
    // transaction of 4 operations per row — the row, the audit head read, the audit entry, the head — cannot hold
    // 5,000 rows), each row under this import's own id, invisible until the last chunk's transaction lists the import
    // as completed (visibleRoster). Everything was validated above: a bad file has stored nothing by now.
    const importId = randomBytes(6).toString('hex');
    for (let from = 0; from < matched.length; from += ROSTER_CHUNK) {
      const chunk = matched.slice(from, from + ROSTER_CHUNK);
      const last = from + ROSTER_CHUNK >= matched.length;
      await ctx.mutate(async (tx, audit) => {
        for (const [k, { r, personId, match }] of chunk.entries()) {
          const doc: RosterEntryDoc = {
            _id: importedEntryId(agent._id, r.idNumber, importId),
            agentPersonId: agent._id,
            name: r.name,
            idNumber: r.idNumber,
            phone: r.phone,
            birthDate: r.birthDate,
            profile: r.profile,
            personId,
            match,
            row: r.row,
            fileId: file._id,
            importedAt,
            importId,
          };
          await tx.set(COLLECTIONS.rosterEntries, doc);
          // The last transaction also lists the import as completed: every row becomes visible at once.
          const completes = last && k === chunk.length - 1;
          if (completes) {
            const id = rosterHeadId(agent._id);
            const head = (await tx.get<RosterHeadDoc>(COLLECTIONS.rosterHeads, id)) ?? {
              _id: id,
              agentPersonId: agent._id,
              completed: [],
            };
            await tx.set<RosterHeadDoc>(COLLECTIONS.rosterHeads, { ...head, completed: [...head.completed, importId] });
          }
          // One entry per employee: who imported whose data, from which file and row (never the ID number itself);
          // the last one also records that the import completed.
          const details = {
            fileId: file._id,
            row: r.row,
            match,
            ...(completes ? { importId, completedRows: matched.length } : {}),
          };
          await audit({
            onBehalfOf: personId,
            target: { collection: COLLECTIONS.rosterEntries, id: doc._id },
            details,
          });
        }
      });
    }
    await sweepReplacedRows(ctx, agent._id);
    const counts = { entrusted: 0, 'entrustment-pending': 0, 'needs-entrustment': 0, 'not-registered': 0 };
    for (const m of matched) counts[m.match]++;
    return {
      imported: good.length,
      rejected: new Set(errors.map((e) => e.row)).size,
      errors,
      matches: counts,
      rows: matched.map(({ r, personId, match }) => ({
        row: r.row,
        name: r.name,
        idNumber: maskIdNumber(r.idNumber),
        phone: maskPhone(r.phone),
        personId,
        match,
      })),
    };
  },
});

const assess = defineAction({
  input: AssessRosterInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const agent = await assertAgent(ctx);
    const entries = await visibleRoster(ctx.runtime.store, agent._id);
    const years = ctx.input.years ?? 5;
    const rows = entries.map((e) => {
      const plan = planPoints(e.profile, { today: ctx.today, years });
      const next = plan.projections[0]!;
      return {
        name: e.name,
        idNumber: maskIdNumber(e.idNumber),
        personId: e.personId,
        match: e.match,
        total: plan.current.total,
        nextCutoff: next.cutoffDate,
        nextTotal: next.total,
        reaches100: plan.reaches100,
        vetoed: plan.veto !== null,
        plan: plan.projections.map((p) => ({ cutoffDate: p.cutoffDate, total: p.total })),
        bestChange: plan.suggestions[0] ? { change: plan.suggestions[0].change, gain: plan.suggestions[0].gain } : null,
      };
    });
    // Who reaches 100 and when: now, at each projected cut-off, or not within the horizon.
    const when = new Map<string, number>();
    let now = 0;
    let never = 0;
    for (const r of rows) {
      if (!r.reaches100) never++;
      else if (r.reaches100.when === 'now') now++;
      else when.set(r.reaches100.when, (when.get(r.reaches100.when) ?? 0) + 1);
    }
    const order = (r: (typeof rows)[number]) =>
      !r.reaches100 ? '9' : r.reaches100.when === 'now' ? '0' : `1${r.reaches100.when}`;
    rows.sort((a, b) => order(a).localeCompare(order(b)) || (b.total ?? -1) - (a.total ?? -1));
    return {
      today: ctx.today,
      count: rows.length,
      reaches100: {
        now,
        byCutoff: [...when.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([cutoffDate, count]) => ({ cutoffDate, count })),
        notWithinYears: never,
      },
      rows,
    };
  },
});

function boardYear(ctx: ActionContext<{ year?: number }>): number {
  return ctx.input.year ?? pointsApplicationRound(ctx.today) ?? Number(ctx.today.slice(0, 4));
}

const board = defineAction({
  input: RosterBoardInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const agent = await assertAgent(ctx);
    const year = boardYear(ctx);
    const all = await boardRows(ctx.runtime.store, agent._id, year, ctx.now, ctx.today);
    return { year, counts: boardCounts(all), rows: arrangeBoard(all, ctx.input.filter, ctx.input.sort) };
  },
});

const EXPORT_COLUMNS: { header: string; width: number; value: (r: BoardRow) => string | number }[] = [
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '身份证号码', width: 22, value: (r) => r.idNumber },
  { header: '手机号码', width: 14, value: (r) => r.phone ?? '' },
  { header: '办理状态', width: 14, value: (r) => r.stageLabel },
  { header: '待办方', width: 14, value: (r) => r.actorLabel },
  { header: '下一步', width: 44, value: (r) => r.next },
  { header: '退回原因', width: 40, value: (r) => r.returned.map((i) => `${i.label}：${i.reason}`).join('；') },
  { header: '积分', width: 8, value: (r) => r.points ?? '' },
  { header: '异议截止日', width: 16, value: (r) => (r.objectionDeadline ? zhDate(r.objectionDeadline) : '') },
  { header: '凭证编号', width: 18, value: (r) => r.certificateSerial ?? '' },
];

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The board as an xlsx workbook (masked numbers: the agent is not their owner). */
async function boardWorkbook(rows: BoardRow[], year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${year}年度代办看板`);
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(r)));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const exportBoard = defineAction({
  input: RosterBoardInput,
  access: 'registered',
  // Stores the spreadsheet and records the export (people's data leaving the system) in the audit log.
  mutates: true,
  async run(ctx) {
    const agent = await assertAgent(ctx);
    const year = boardYear(ctx);
    const rows = arrangeBoard(
      await boardRows(ctx.runtime.store, agent._id, year, ctx.now, ctx.today),
      ctx.input.filter,
      ctx.input.sort,
    );
    const bytes = await boardWorkbook(rows, year);
    // An unguessable path per export, like certificate PDFs: the link is the only way to it.
    const path = `exports/${agent._id}/${randomBytes(16).toString('hex')}.xlsx`;
    await ctx.runtime.files.put(path, bytes, XLSX_CONTENT_TYPE);
    const link = await ctx.runtime.files.temporaryUrl(path, DOWNLOAD_LINK_SECONDS, ctx.now);
    if (!link) throw new Error(`board export missing right after storing it`);
    await ctx.mutate(async (_tx, audit) => {
      await audit({
        target: { collection: 'exports', id: path.split('/').pop()! },
        details: { year, rows: rows.length, filter: ctx.input.filter ?? 'all' },
      });
    });
    return {
      fileName: `代办看板-${year}-${ctx.today}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      size: bytes.length,
      rows: rows.length,
      url: link.url,
      expiresAt: link.expiresAt,
    };
  },
});

export const rosterFunction = defineFunction('roster', { import: importRoster, assess, board, export: exportBoard });
