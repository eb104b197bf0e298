// The agent's status board: every employee on the roster or under an entrustment, at the stage their points
// application has reached in a round, and whose act the next step needs. Read by id only (applications, items,
// objections, certificate heads, settlements), so the cost is a fixed number of gets per employee.
import {
  BOARD_ACTOR_LABELS,
  BOARD_STAGE_LABELS,
  BOARD_STAGES,
  INDICATORS,
  isOpenAt,
  maskIdNumber,
  maskPhone,
  type BoardActor,
  type BoardRow,
  type BoardStage,
  type BOARD_FILTERS,
  type BOARD_SORTS,
  formatChineseDate,
} from '@hz-points/shared';
export type { BoardRow };
import { type ApplicationDoc, type EntrustmentDoc, type ObjectionDoc, type PersonDoc } from '../../core/model';
import { findPersonByIdNumber } from '../accounts';
import { isConfirmed, isPublished, loadItems } from '../applications';
import type { CertificateDoc, CertificateHeadDoc } from '../certificates/model';
import { COLLECTIONS } from '../../core/collections';
import { settlementId, type SettlementDoc } from '../rounds/model';
import type { Store } from '../../storage/store';
import { visibleRoster, type RosterEntryDoc } from './model';

/** 2026年10月21日: dates in sentences users read (the rules package's one formatter). */
export const zhDate = formatChineseDate;

function row(base: Omit<BoardRow, 'stageLabel' | 'actorLabel'>): BoardRow {
  return { ...base, stageLabel: BOARD_STAGE_LABELS[base.stage], actorLabel: BOARD_ACTOR_LABELS[base.actor] };
}

interface Person {
  personId: string | null;
  name: string;
  idNumber: string;
  phone: string | null;
  onRoster: boolean;
  entrustment: EntrustmentDoc | null;
}

/** Where one entrusted employee's application of `year` stands. */
async function stageOf(
  store: Store,
  p: Person & { personId: string },
  year: number,
  now: Date,
  today: string,
): Promise<BoardRow> {
  const shown = {
    personId: p.personId,
    name: p.name,
    idNumber: maskIdNumber(p.idNumber),
    phone: p.phone ? maskPhone(p.phone) : null,
    onRoster: p.onRoster,
    entrustment: 'active' as const,
  };
  const empty = { applicationId: null, returned: [], points: null, objectionDeadline: null, certificateSerial: null };
  const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, `app-${year}-${p.personId}`);
  if (!app)
    return row({ ...shown, ...empty, stage: 'no-application', actor: 'agent', next: `为其填写${year}年度积分申请` });
  const base = { ...shown, ...empty, applicationId: app._id };
  if (app.status === 'draft') {
    // The commitment (个人承诺) is made per application, by the agent under this entrustment: never in a batch.
    return row({ ...base, stage: 'draft', actor: 'agent', next: '核对材料后逐人提交申请（每份申请单独作出承诺）' });
  }
  const published = isPublished(app, today);
  if (!published) {
    const items = await loadItems(store, app);
    const returned = items
      .filter((i) => i.status === 'returned')
      .map((i) => ({ indicator: i.indicator, label: INDICATORS[i.indicator].label, reason: i.returnReason ?? '' }));
    const supplementOpen = app.resultDate !== null && isOpenAt(app.resultDate, now);
    if (returned.length > 0 && supplementOpen) {
      return row({
        ...base,
        returned,
        stage: 'returned',
        actor: 'agent',
        next: `在${zhDate(app.resultDate!)}前补正退回的材料`,
      });
    }
    return row({
      ...base,
      returned,
      stage: 'submitted',
      actor: 'waiting',
      next: app.resultDate ? `等待审核，预计${zhDate(app.resultDate)}前出结果` : '等待审核',
    });
  }
  const points = app.points?.total ?? null;
  const objection = app.objectionId ? await store.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
  const scored = { ...base, points, objectionDeadline: app.objectionDeadline };
  if (objection && objection.status === 'open')
    return row({ ...scored, stage: 'objection-open', actor: 'waiting', next: '异议处理中，等待区积分受理点答复' });
  if (!isConfirmed(app, objection, now, today)) {
    return row({
      ...scored,
      stage: 'objection-window',
      actor: 'agent',
      next: `核对积分结果，如有异议请在${zhDate(app.objectionDeadline!)}前提出`,
    });
  }
  const settlement = await store.get<SettlementDoc>(COLLECTIONS.settlements, settlementId(year, p.personId));
  const head = await store.get<CertificateHeadDoc>(COLLECTIONS.certificateHeads, app._id);
  const cert = head ? await store.get<CertificateDoc>(COLLECTIONS.certificates, head.serial) : null;
  const certificateSerial = cert && cert.status === 'active' ? cert.serial : null;
  if (settlement && settlement.status === 'submitted')
    return row({
      ...scored,
      certificateSerial,
      stage: 'settlement',
      actor: 'waiting',
      next: '已申请积分落户，等待名单公布',
    });
  if (certificateSerial)
    return row({
      ...scored,
      certificateSerial,
      stage: 'certificate',
      actor: 'agent',
      next: '可在落户申请期内为其申请积分落户',
    });
  if (points === null)
    return row({ ...scored, stage: 'scored', actor: 'done', next: '存在一票否决情形，不予出具凭证' });
  return row({ ...scored, stage: 'scored', actor: 'agent', next: '积分已确认，可打印积分有效凭证' });
}

/** Everyone the agent looks after: active and pending entrustments, and roster rows without one. */
export async function boardRows(
  store: Store,
  agentPersonId: string,
  year: number,
  now: Date,
  today: string,
): Promise<BoardRow[]> {
  const entrustments = (
    await store.find<EntrustmentDoc>(COLLECTIONS.entrustments, { agentPersonId }, { limit: 100000 })
  ).filter((e) => e.status === 'active' || e.status === 'pending');
  const roster: RosterEntryDoc[] = await visibleRoster(store, agentPersonId);
  const byPerson = new Map<string, Person>();
  const unregistered: Person[] = [];
  for (const e of entrustments) {
    const person = await store.get<PersonDoc>(COLLECTIONS.persons, e.employeePersonId);
    if (!person) continue;
    const prior = byPerson.get(person._id);
    // An active entrustment wins over a pending one for the same employee.
    if (prior?.entrustment?.status === 'active') continue;
    byPerson.set(person._id, {
      personId: person._id,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      onRoster: false,
      entrustment: e,
    });
  }
  for (const r of roster) {
    // Registered since the import? The ID number decides, as it did at import (one get by id per such row).
    const personId = r.personId ?? (await findPersonByIdNumber(store, r.idNumber))?._id ?? null;
    const known = personId ? byPerson.get(personId) : undefined;
    if (known) known.onRoster = true;
    else if (personId)
      byPerson.set(personId, {
        personId,
        name: r.name,
        idNumber: r.idNumber,
        phone: r.phone,
        onRoster: true,
        entrustment: null,
      });
    else
      unregistered.push({
        personId: null,
        name: r.name,
        idNumber: r.idNumber,
        phone: r.phone,
        onRoster: true,
        entrustment: null,
      });
  }
  const out: BoardRow[] = [];
  const empty = { applicationId: null, returned: [], points: null, objectionDeadline: null, certificateSerial: null };
  for (const p of [...byPerson.values(), ...unregistered]) {
    const shown = {
      personId: p.personId,
      name: p.name,
      idNumber: maskIdNumber(p.idNumber),
      phone: p.phone ? maskPhone(p.phone) : null,
      onRoster: p.onRoster,
    };
    if (p.entrustment?.status === 'active' && p.personId)
      out.push(await stageOf(store, { ...p, personId: p.personId }, year, now, today));
    else if (p.entrustment?.status === 'pending') {
      out.push(
        row({
          ...shown,
          ...empty,
          entrustment: 'pending',
          stage: 'entrustment-pending',
          actor: 'employee',
          next: '待员工本人在小程序中确认委托（或到区积分受理点核验纸质委托书）',
        }),
      );
    } else if (p.personId) {
      out.push(
        row({
          ...shown,
          ...empty,
          entrustment: 'none',
          stage: 'needs-entrustment',
          actor: 'agent',
          next: '上传书面委托书和双方身份证件，建立委托',
        }),
      );
    } else {
      out.push(
        row({
          ...shown,
          ...empty,
          entrustment: 'none',
          stage: 'needs-entrustment',
          actor: 'employee',
          next: '员工本人须先在小程序完成实名登记，之后再建立委托',
        }),
      );
    }
  }
  return out;
}

const ACTOR_ORDER: Record<BoardActor, number> = { agent: 0, employee: 1, waiting: 2, done: 3 };
const STAGE_ORDER = Object.fromEntries(BOARD_STAGES.map((s, i) => [s, i])) as Record<BoardStage, number>;
const byName = (a: BoardRow, b: BoardRow) =>
  a.name.localeCompare(b.name, 'zh-Hans-CN') || a.idNumber.localeCompare(b.idNumber);

/** Filters by whose act is next, then sorts ('next': the agent's own work first, then by stage). */
export function arrangeBoard(
  rows: BoardRow[],
  filter: (typeof BOARD_FILTERS)[number] = 'all',
  sort: (typeof BOARD_SORTS)[number] = 'next',
): BoardRow[] {
  const kept = filter === 'all' ? rows.slice() : rows.filter((r) => r.actor === filter);
  const compare: Record<(typeof BOARD_SORTS)[number], (a: BoardRow, b: BoardRow) => number> = {
    next: (a, b) =>
      ACTOR_ORDER[a.actor] - ACTOR_ORDER[b.actor] || STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || byName(a, b),
    stage: (a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || byName(a, b),
    name: byName,
    points: (a, b) => (b.points ?? -Infinity) - (a.points ?? -Infinity) || byName(a, b),
  };
  return kept.sort(compare[sort]);
}

/** How many rows each actor filter would show (the filter chips' counts). */
export function boardCounts(rows: BoardRow[]): Record<(typeof BOARD_FILTERS)[number], number> {
  const counts = { all: rows.length, agent: 0, employee: 0, waiting: 0, done: 0 };
  for (const r of rows) counts[r.actor]++;
  return counts;
}
