// Staff roles for the administrator's 工作人员角色 page: find a person by their registered identity (name + ID
// number, looked up here, never an openid typed on a page), grant a role to that person, list the staff with an
// opaque staff id, revoke by that id, and read the trail of grants and revocations. All admin only (see API.md).
import {
  DEPARTMENT_LABELS,
  FindStaffCandidateInput,
  GrantStaffRoleInput,
  ListStaffInput,
  RevokeStaffRoleInput,
  RoleHistoryInput,
  type DepartmentCode,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { defineAction } from '../core/action';
import { AppError } from '../core/errors';
import { hashKey } from '../core/ids';
import type { AccountDoc, PersonDoc, StaffRole } from '../core/model';
import { maskedPerson } from '../core/people';
import type { AuditEntry } from '../audit';
import type { Store } from '../storage/store';
// accounts.ts imports this module too; findPersonByIdNumber is only called at run time, so the cycle is harmless.
import { findPersonByIdNumber } from './accounts';

/** The flag `listStaff` queries by (the store matches fields by equality only, so a role array cannot be asked). */
export function withStaffFlag<T extends AccountDoc>(account: T): T & { isStaff: boolean } {
  return { ...account, isStaff: account.roles.length > 0 };
}

/** Opaque id of a staff account: the page revokes by it, so no openid ever reaches the client. */
export const staffIdOf = (openid: string) => hashKey('staff', openid);

/** The audit actions that change a role (the older openid-based pair is kept for the seed's tooling and tests). */
const ROLE_ACTIONS = [
  'accounts.grantStaffRole',
  'accounts.revokeStaffRole',
  'accounts.grantRole',
  'accounts.revokeRole',
];

/** Staff are few (hundreds at most): one page of 1,000 covers them; adapters page internally past 100. */
const MAX_STAFF = 1000;

async function staffAccounts(store: Store): Promise<AccountDoc[]> {
  return store.find<AccountDoc>(COLLECTIONS.accounts, { isStaff: true }, { limit: MAX_STAFF });
}

/** Who an account is, for the page: the registered person masked, or a seeded account without one. */
async function describeAccount(store: Store, openid: string) {
  const account = await store.get<AccountDoc>(COLLECTIONS.accounts, openid);
  const person = account?.personId ? await store.get<PersonDoc>(COLLECTIONS.persons, account.personId) : null;
  return person
    ? { name: person.name, idNumber: maskedPerson(person).idNumber, registered: true as const }
    : { name: null, idNumber: null, registered: false as const };
}

function staffView(account: AccountDoc, person: PersonDoc | null, callerOpenid: string) {
  return {
    staffId: staffIdOf(account._id),
    name: person?.name ?? null,
    idNumber: person ? maskedPerson(person).idNumber : null,
    roles: account.roles,
    department: account.department,
    isSelf: account._id === callerOpenid,
  };
}

const findStaffCandidate = defineAction({
  input: FindStaffCandidateInput,
  access: ['admin'],
  mutates: true, // access log: an administrator looked up a person's registration
  async run(ctx) {
    const store = ctx.runtime.store;
    const person = await findPersonByIdNumber(store, ctx.input.idNumber);
    // Name and number must both match; a mismatch looks like "not found" (nothing is revealed about the number).
    if (!person || person.name !== ctx.input.name) {
      throw new AppError('NOT_FOUND', '未找到该人员的实名登记信息，请核对姓名和身份证号码');
    }
    if (person.openid === null) {
      throw new AppError('INVALID_STATE', '该人员尚未用本人微信完成实名登记，不能授予工作人员角色');
    }
    const account = await store.get<AccountDoc>(COLLECTIONS.accounts, person.openid);
    await ctx.mutate((_tx, audit) =>
      audit({
        onBehalfOf: person._id,
        target: { collection: COLLECTIONS.persons, id: person._id },
        details: { read: true },
      }),
    );
    return {
      candidate: {
        personId: person._id,
        name: person.name,
        idNumber: maskedPerson(person).idNumber,
        roles: account?.roles ?? [],
        department: account?.department ?? null,
      },
    };
  },
});

const grantStaffRole = defineAction({
  input: GrantStaffRoleInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const { personId, role, department } = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const person = await tx.get<PersonDoc>(COLLECTIONS.persons, personId);
      if (!person) throw new AppError('NOT_FOUND', '未找到该人员的实名登记信息');
      if (person.openid === null) {
        throw new AppError('INVALID_STATE', '该人员尚未用本人微信完成实名登记，不能授予工作人员角色');
      }
      const existing = await tx.get<AccountDoc>(COLLECTIONS.accounts, person.openid);
      if (!existing) throw new AppError('NOT_FOUND', '未找到该人员的账号');
      const sameAlready = existing.roles.includes(role) && (role !== 'reviewer' || existing.department === department);
      if (sameAlready) throw new AppError('CONFLICT', '该人员已有此角色，无需重复授予');
      const account = withStaffFlag({
        ...existing,
        roles: existing.roles.includes(role) ? existing.roles : [...existing.roles, role],
        // A reviewer serves one department: granting another department moves them.
        department: role === 'reviewer' ? department! : existing.department,
      });
      await tx.set(COLLECTIONS.accounts, account);
      await audit({
        onBehalfOf: person._id,
        target: { collection: COLLECTIONS.accounts, id: existing._id },
        details: { role, department: department ?? null },
      });
      return { staff: staffView(account, person, ctx.openid) };
    });
  },
});

const revokeStaffRole = defineAction({
  input: RevokeStaffRoleInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const { staffId, role } = ctx.input;
    const store = ctx.runtime.store;
    const staff = await staffAccounts(store);
    const target = staff.find((a) => staffIdOf(a._id) === staffId);
    if (!target || !target.roles.includes(role)) throw new AppError('NOT_FOUND', '该工作人员没有此角色');
    return ctx.mutate(async (tx, audit) => {
      const current = await tx.get<AccountDoc>(COLLECTIONS.accounts, target._id);
      if (!current || !current.roles.includes(role)) throw new AppError('NOT_FOUND', '该工作人员没有此角色');
      if (role === 'admin') {
        // Re-read every other admin inside the transaction: two administrators revoking each other at once must
        // not leave the system without one.
        let others = 0;
        for (const a of staff) {
          if (a._id === current._id) continue;
          const fresh = await tx.get<AccountDoc>(COLLECTIONS.accounts, a._id);
          if (fresh?.roles.includes('admin')) others += 1;
        }
        if (others === 0)
          throw new AppError('INVALID_STATE', '这是系统中唯一的管理员，不能撤销：请先授予另一人管理员角色');
        if (current._id === ctx.openid)
          throw new AppError('INVALID_STATE', '不能撤销自己的管理员角色，请由其他管理员办理');
      }
      const account = withStaffFlag({
        ...current,
        roles: current.roles.filter((r) => r !== role),
        department: role === 'reviewer' ? null : current.department,
      });
      await tx.set(COLLECTIONS.accounts, account);
      await audit({
        onBehalfOf: current.personId,
        target: { collection: COLLECTIONS.accounts, id: current._id },
        details: { revoked: role, department: role === 'reviewer' ? current.department : null },
      });
      const person = current.personId ? await tx.get<PersonDoc>(COLLECTIONS.persons, current.personId) : null;
      return { staff: staffView(account, person, ctx.openid) };
    });
  },
});

const listStaff = defineAction({
  input: ListStaffInput,
  access: ['admin'],
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const staff = [];
    for (const a of await staffAccounts(store)) {
      if (a.roles.length === 0) continue;
      const person = a.personId ? await store.get<PersonDoc>(COLLECTIONS.persons, a.personId) : null;
      staff.push(staffView(a, person, ctx.openid));
    }
    // Administrators first, then district offices, then reviewers by department; stable within.
    const rank = (r: StaffRole[]) => (r.includes('admin') ? 0 : r.includes('district-office') ? 1 : 2);
    staff.sort(
      (x, y) => rank(x.roles) - rank(y.roles) || String(x.department ?? '').localeCompare(String(y.department ?? '')),
    );
    return { staff };
  },
});

const roleHistory = defineAction({
  input: RoleHistoryInput,
  access: ['admin'],
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const limit = ctx.input.limit ?? 30;
    const found: AuditEntry[] = [];
    for (const action of ROLE_ACTIONS) {
      found.push(
        ...(await store.find<AuditEntry>(COLLECTIONS.audit, { action }, { orderBy: [['seq', 'desc']], limit })),
      );
    }
    found.sort((a, b) => b.seq - a.seq);
    const entries = [];
    for (const e of found.slice(0, limit)) {
      const revoked = typeof e.details.revoked === 'string' ? (e.details.revoked as StaffRole) : null;
      const role = revoked ?? (e.details.role as StaffRole);
      const department = (e.details.department as DepartmentCode | null | undefined) ?? null;
      entries.push({
        at: e.at,
        change: revoked ? ('revoke' as const) : ('grant' as const),
        role,
        department,
        departmentLabel: department ? DEPARTMENT_LABELS[department] : null,
        by: await describeAccount(store, e.actor.openid),
        subject: e.target ? await describeAccount(store, e.target.id) : null,
      });
    }
    return { entries };
  },
});

export const staffActions = { findStaffCandidate, grantStaffRole, revokeStaffRole, listStaff, roleHistory };
