// Over 300 lines on purpose: registration, dependants and entrustments share the person and ID-number helpers and
// the views other functions import (entrustmentView, insertPerson, subjectsOf); privacy rights and staff roles are
// already apart (accounts-privacy.ts, accounts-staff.ts).
// accounts: real-name registration bound to the caller's OPENID, dependants without WeChat, employer entrustments,
// staff roles. See API.md.
import {
  AddDependentInput,
  CreateEntrustmentInput,
  EntrustmentRefInput,
  GrantRoleInput,
  ListEntrustmentsInput,
  ListSubjectsInput,
  MeInput,
  RegisterInput,
  RevokeRoleInput,
  BindAtWindowInput,
  EndRelationInput,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { hasRole } from '../core/access';
import { defineAction, defineFunction } from '../core/action';
import { AppError } from '../core/errors';
import { hashKey, randomId } from '../core/ids';
import {
  entrustmentId,
  relationId,
  type AccountDoc,
  type EntrustmentDoc,
  type FileDoc,
  type IdNumberDoc,
  type PersonDoc,
  type RelationDoc,
} from '../core/model';
import {
  clearPerson,
  idFactsOrFail,
  maskedPerson,
  entrustmentAllows,
  relationAllows,
  relationDecision,
} from '../core/people';
import type { DocOps, Store } from '../storage/store';
import { consentOrFail, deleteAccount, exportMyData } from './accounts-privacy';
import { staffActions, withStaffFlag } from './accounts-staff';

/** Doc id of the uniqueness record of an ID number (hashed: the number itself never becomes an id). */
export const idNumberKey = (idNumber: string) => hashKey('idn', idNumber);

export async function findPersonByIdNumber(ops: Pick<DocOps, 'get'>, idNumber: string): Promise<PersonDoc | null> {
  const idx = await ops.get<IdNumberDoc>(COLLECTIONS.idNumbers, idNumberKey(idNumber));
  return idx ? ops.get<PersonDoc>(COLLECTIONS.persons, idx.personId) : null;
}

/** Creates a person and its ID-number uniqueness record (ID_NUMBER_TAKEN if the number is known). */
async function insertPerson(tx: DocOps, person: PersonDoc): Promise<void> {
  const key = idNumberKey(person.idNumber);
  const existing = await tx.get<IdNumberDoc>(COLLECTIONS.idNumbers, key);
  if (existing) {
    const other = await tx.get<PersonDoc>(COLLECTIONS.persons, existing.personId);
    // A record a relative created for someone without WeChat is never taken over online (anyone may know a name
    // and an ID number); the district office binds it after checking the identity card.
    throw new AppError(
      'ID_NUMBER_TAKEN',
      other && other.openid === null && person.openid !== null
        ? '该身份证号码已由家属代为登记，请本人携带身份证到区积分受理点办理绑定'
        : undefined,
    );
  }
  await tx.insert<IdNumberDoc>(COLLECTIONS.idNumbers, { _id: key, personId: person._id });
  await tx.insert<PersonDoc>(COLLECTIONS.persons, person);
}

function entrustmentView(e: EntrustmentDoc, agent: PersonDoc | null, employee: PersonDoc | null) {
  return {
    entrustmentId: e._id,
    status: e.status,
    employerName: e.employerName,
    agent: agent ? maskedPerson(agent) : null,
    employee: employee ? maskedPerson(employee) : null,
    createdAt: e.createdAt,
    confirmedAt: e.confirmedAt,
    confirmedAs: e.confirmedBy?.as ?? null,
    revokedAt: e.revokedAt,
  };
}

function accountView(a: AccountDoc) {
  return { openid: a._id, personId: a.personId, roles: a.roles, department: a.department };
}

const register = defineAction({
  input: RegisterInput,
  access: 'caller',
  mutates: true,
  async run(ctx) {
    const facts = idFactsOrFail(ctx.input.idNumber, ctx.today);
    const privacyConsent = consentOrFail(ctx.input.privacyConsent, ctx.now);
    return ctx.mutate(async (tx, audit) => {
      const existing = await tx.get<AccountDoc>(COLLECTIONS.accounts, ctx.openid);
      if (existing?.personId) throw new AppError('ALREADY_REGISTERED');
      const person: PersonDoc = {
        _id: randomId('p'),
        name: ctx.input.name,
        idNumber: facts.idNumber,
        phone: ctx.input.phone,
        birthDate: facts.birthDate,
        gender: facts.gender,
        openid: ctx.openid,
        disabled: false,
        unableToActInPerson: false,
        createdBy: null,
        createdAt: ctx.now.toISOString(),
      };
      await insertPerson(tx, person);
      // Staff accounts created by seed/admin keep their roles when the staff member registers.
      await tx.set<AccountDoc>(
        COLLECTIONS.accounts,
        withStaffFlag({
          _id: ctx.openid,
          personId: person._id,
          roles: existing?.roles ?? [],
          department: existing?.department ?? null,
          createdAt: existing?.createdAt ?? ctx.now.toISOString(),
          privacyConsent,
        }),
      );
      await audit({
        onBehalfOf: person._id,
        target: { collection: COLLECTIONS.persons, id: person._id },
        details: { privacyPolicyVersion: privacyConsent.policyVersion },
      });
      return { person: clearPerson(person) };
    });
  },
});

const me = defineAction({
  input: MeInput,
  access: 'caller',
  mutates: false,
  async run(ctx) {
    return {
      openid: ctx.openid,
      person: ctx.person ? clearPerson(ctx.person) : null,
      roles: ctx.account?.roles ?? [],
      department: ctx.account?.department ?? null,
    };
  },
});

const addDependent = defineAction({
  input: AddDependentInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const i = ctx.input;
    const facts = idFactsOrFail(i.idNumber, ctx.today);
    const personId = randomId('p');
    const subject = {
      _id: personId,
      birthDate: facts.birthDate,
      disabled: i.disabled ?? false,
      unableToActInPerson: i.unableToActInPerson ?? false,
    };
    if (i.actorIdentityFileId === i.subjectIdentityFileId) {
      throw new AppError('VALIDATION_FAILED', '代办人和被代办人的身份证件应为不同的文件');
    }
    const decision = relationDecision(actor._id, i.relation, subject, ctx.today, true);
    if (!decision.allowed) throw new AppError('DELEGATION_NOT_ALLOWED', decision.reason);
    return ctx.mutate(async (tx, audit) => {
      for (const fileId of [i.actorIdentityFileId, i.subjectIdentityFileId]) {
        const f = await tx.get<FileDoc>(COLLECTIONS.files, fileId);
        if (!f || f.uploadedByPersonId !== actor._id || f.purpose !== 'identity') {
          throw new AppError('NOT_FOUND', '身份证件材料不存在，请重新上传');
        }
      }
      const person: PersonDoc = {
        ...subject,
        name: i.name,
        idNumber: facts.idNumber,
        phone: null,
        gender: facts.gender,
        openid: null,
        createdBy: actor._id,
        createdAt: ctx.now.toISOString(),
      };
      await insertPerson(tx, person);
      const rel: RelationDoc = {
        _id: relationId(actor._id, person._id),
        actorPersonId: actor._id,
        subjectPersonId: person._id,
        relation: i.relation,
        documents: { actorIdentity: i.actorIdentityFileId, subjectIdentity: i.subjectIdentityFileId },
        createdAt: ctx.now.toISOString(),
        revokedAt: null,
      };
      await tx.insert(COLLECTIONS.relations, rel);
      await audit({
        onBehalfOf: person._id,
        target: { collection: COLLECTIONS.relations, id: rel._id },
        details: { relation: rel.relation, disabled: person.disabled, unableToActInPerson: person.unableToActInPerson },
      });
      return { person: maskedPerson(person), relation: rel.relation, basis: decision.basis };
    });
  },
});

/** Persons the caller may act for, with whether it is allowed today (an ended relation shows allowed: false). */
async function subjectsOf(store: Store, actor: PersonDoc, today: string) {
  const rels = await store.find<RelationDoc>(COLLECTIONS.relations, { actorPersonId: actor._id, revokedAt: null });
  const ents = await store.find<EntrustmentDoc>(COLLECTIONS.entrustments, {
    agentPersonId: actor._id,
    status: 'active',
  });
  const subjects: Array<
    ReturnType<typeof maskedPerson> & { kind: string; allowed: boolean; relation?: string; entrustmentId?: string }
  > = [{ ...maskedPerson(actor), kind: 'self', allowed: true }];
  for (const r of rels) {
    const p = await store.get<PersonDoc>(COLLECTIONS.persons, r.subjectPersonId);
    if (p)
      subjects.push({
        ...maskedPerson(p),
        kind: 'dependent',
        relation: r.relation,
        allowed: relationAllows(r, p, today),
      });
  }
  for (const e of ents) {
    const p = await store.get<PersonDoc>(COLLECTIONS.persons, e.employeePersonId);
    if (p)
      subjects.push({
        ...maskedPerson(p),
        kind: 'employee',
        entrustmentId: e._id,
        allowed: entrustmentAllows(e, p, today),
      });
  }
  return subjects;
}

const listSubjects = defineAction({
  input: ListSubjectsInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    return { subjects: await subjectsOf(ctx.runtime.store, ctx.person!, ctx.today) };
  },
});

const endRelation = defineAction({
  input: EndRelationInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    return ctx.mutate(async (tx, audit) => {
      const rel = await tx.get<RelationDoc>(COLLECTIONS.relations, relationId(actor._id, ctx.input.personId));
      if (!rel || rel.revokedAt !== null) throw new AppError('NOT_FOUND');
      const revokedAt = ctx.now.toISOString();
      await tx.update(COLLECTIONS.relations, rel._id, { revokedAt });
      await audit({ onBehalfOf: rel.subjectPersonId, target: { collection: COLLECTIONS.relations, id: rel._id } });
      return { relation: { personId: rel.subjectPersonId, relation: rel.relation, revokedAt } };
    });
  },
});

const createEntrustment = defineAction({
  input: CreateEntrustmentInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const agent = ctx.person!;
    const i = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const employee = await findPersonByIdNumber(tx, i.employeeIdNumber);
      // Name and number must both match a registered person; a mismatch looks like "not found".
      if (!employee || employee.name !== i.employeeName || employee._id === agent._id) {
        throw new AppError('NOT_FOUND', '未找到该员工的实名登记信息，请核对姓名和身份证号码');
      }
      const wanted: Array<[string, FileDoc['purpose']]> = [
        [i.entrustmentFileId, 'entrustment'],
        [i.employeeIdentityFileId, 'identity'],
        [i.agentIdentityFileId, 'identity'],
      ];
      if (new Set(wanted.map(([id]) => id)).size !== wanted.length) {
        throw new AppError('VALIDATION_FAILED', '委托书和双方身份证件应为不同的文件');
      }
      for (const [fileId, purpose] of wanted) {
        const f = await tx.get<FileDoc>(COLLECTIONS.files, fileId);
        if (!f || f.uploadedByPersonId !== agent._id || f.purpose !== purpose) {
          throw new AppError('NOT_FOUND', '委托材料不存在，请重新上传');
        }
      }
      const id = entrustmentId(agent._id, employee._id);
      const existing = await tx.get<EntrustmentDoc>(COLLECTIONS.entrustments, id);
      if (existing && existing.status !== 'revoked') {
        throw new AppError('CONFLICT', '已存在有效或待确认的委托');
      }
      const ent: EntrustmentDoc = {
        _id: id,
        agentPersonId: agent._id,
        employeePersonId: employee._id,
        employerName: i.employerName,
        documents: {
          entrustment: i.entrustmentFileId,
          employeeIdentity: i.employeeIdentityFileId,
          agentIdentity: i.agentIdentityFileId,
        },
        status: 'pending',
        createdAt: ctx.now.toISOString(),
        confirmedBy: null,
        confirmedAt: null,
        revokedAt: null,
      };
      await tx.set(COLLECTIONS.entrustments, ent);
      // The employee (and the office confirming) may read the documents of their entrustment.
      for (const [fileId] of wanted) await tx.update(COLLECTIONS.files, fileId, { entrustmentId: id });
      await audit({ onBehalfOf: employee._id, target: { collection: COLLECTIONS.entrustments, id } });
      return { entrustment: entrustmentView(ent, agent, employee) };
    });
  },
});

const confirmEntrustment = defineAction({
  input: EntrustmentRefInput,
  access: 'caller',
  mutates: true,
  async run(ctx) {
    return ctx.mutate(async (tx, audit) => {
      const ent = await tx.get<EntrustmentDoc>(COLLECTIONS.entrustments, ctx.input.entrustmentId);
      const asEmployee = !!ent && !!ctx.person && ent.employeePersonId === ctx.person._id;
      const asOffice = hasRole(ctx.account, 'district-office');
      if (!ent || !(asEmployee || asOffice)) throw new AppError('NOT_FOUND');
      if (ent.status !== 'pending') throw new AppError('INVALID_STATE', '该委托不是待确认状态');
      const patch = {
        status: 'active' as const,
        confirmedBy: { openid: ctx.openid, as: asEmployee ? ('employee' as const) : ('district-office' as const) },
        confirmedAt: ctx.now.toISOString(),
      };
      await tx.update(COLLECTIONS.entrustments, ent._id, patch);
      await audit({
        onBehalfOf: ent.employeePersonId,
        target: { collection: COLLECTIONS.entrustments, id: ent._id },
        details: { as: patch.confirmedBy.as },
      });
      const [agent, employee] = await Promise.all([
        tx.get<PersonDoc>(COLLECTIONS.persons, ent.agentPersonId),
        tx.get<PersonDoc>(COLLECTIONS.persons, ent.employeePersonId),
      ]);
      return { entrustment: entrustmentView({ ...ent, ...patch }, agent, employee) };
    });
  },
});

const revokeEntrustment = defineAction({
  input: EntrustmentRefInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    return ctx.mutate(async (tx, audit) => {
      const ent = await tx.get<EntrustmentDoc>(COLLECTIONS.entrustments, ctx.input.entrustmentId);
      if (!ent || ent.employeePersonId !== ctx.person!._id) throw new AppError('NOT_FOUND');
      if (ent.status === 'revoked') throw new AppError('INVALID_STATE', '该委托已撤销');
      const patch = { status: 'revoked' as const, revokedAt: ctx.now.toISOString() };
      await tx.update(COLLECTIONS.entrustments, ent._id, patch);
      await audit({ onBehalfOf: ent.employeePersonId, target: { collection: COLLECTIONS.entrustments, id: ent._id } });
      const agent = await tx.get<PersonDoc>(COLLECTIONS.persons, ent.agentPersonId);
      return { entrustment: entrustmentView({ ...ent, ...patch }, agent, ctx.person) };
    });
  },
});

const listEntrustments = defineAction({
  input: ListEntrustmentsInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const me = ctx.person!;
    const asEmployee = await store.find<EntrustmentDoc>(
      COLLECTIONS.entrustments,
      { employeePersonId: me._id },
      { limit: 100 },
    );
    const asAgent = await store.find<EntrustmentDoc>(
      COLLECTIONS.entrustments,
      { agentPersonId: me._id },
      { limit: 100 },
    );
    const view = async (e: EntrustmentDoc) =>
      entrustmentView(
        e,
        e.agentPersonId === me._id ? me : await store.get<PersonDoc>(COLLECTIONS.persons, e.agentPersonId),
        e.employeePersonId === me._id ? me : await store.get<PersonDoc>(COLLECTIONS.persons, e.employeePersonId),
      );
    return {
      asEmployee: await Promise.all(asEmployee.map(view)),
      asAgent: await Promise.all(asAgent.map(view)),
    };
  },
});

const grantRole = defineAction({
  input: GrantRoleInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const { openid, role, department } = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const existing = await tx.get<AccountDoc>(COLLECTIONS.accounts, openid);
      const account: AccountDoc = withStaffFlag({
        _id: openid,
        personId: existing?.personId ?? null,
        roles: existing?.roles.includes(role) ? existing.roles : [...(existing?.roles ?? []), role],
        department: role === 'reviewer' ? department! : (existing?.department ?? null),
        createdAt: existing?.createdAt ?? ctx.now.toISOString(),
      });
      await tx.set(COLLECTIONS.accounts, account);
      await audit({
        target: { collection: COLLECTIONS.accounts, id: openid },
        details: { role, department: department ?? null },
      });
      return { account: accountView(account) };
    });
  },
});

const revokeRole = defineAction({
  input: RevokeRoleInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const { openid, role } = ctx.input;
    // An administrator cannot remove their own admin role: the system would be left without one by mistake.
    if (openid === ctx.openid && role === 'admin') throw new AppError('INVALID_STATE', '不能撤销自己的管理员角色');
    return ctx.mutate(async (tx, audit) => {
      const existing = await tx.get<AccountDoc>(COLLECTIONS.accounts, openid);
      if (!existing || !existing.roles.includes(role)) throw new AppError('NOT_FOUND');
      const roles = existing.roles.filter((r) => r !== role);
      const account: AccountDoc = withStaffFlag({
        ...existing,
        roles,
        department: role === 'reviewer' ? null : existing.department,
      });
      await tx.set(COLLECTIONS.accounts, account);
      await audit({ target: { collection: COLLECTIONS.accounts, id: openid }, details: { revoked: role } });
      return { account: accountView(account) };
    });
  },
});

const bindAtWindow = defineAction({
  input: BindAtWindowInput,
  access: ['district-office'],
  mutates: true,
  async run(ctx) {
    const { openid, personId, phone } = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const person = await tx.get<PersonDoc>(COLLECTIONS.persons, personId);
      if (!person) throw new AppError('NOT_FOUND');
      if (person.openid !== null) throw new AppError('INVALID_STATE', '该人员已绑定微信账号');
      const account = await tx.get<AccountDoc>(COLLECTIONS.accounts, openid);
      if (account?.personId) throw new AppError('ALREADY_REGISTERED');
      await tx.update(COLLECTIONS.persons, personId, { openid, phone });
      await tx.set<AccountDoc>(
        COLLECTIONS.accounts,
        withStaffFlag({
          _id: openid,
          personId,
          roles: account?.roles ?? [],
          department: account?.department ?? null,
          createdAt: account?.createdAt ?? ctx.now.toISOString(),
        }),
      );
      await audit({
        onBehalfOf: personId,
        target: { collection: COLLECTIONS.persons, id: personId },
        details: { boundAtWindow: true },
      });
      return { person: maskedPerson({ ...person, openid, phone }) };
    });
  },
});

export const accounts = defineFunction('accounts', {
  register,
  me,
  addDependent,
  listSubjects,
  endRelation,
  createEntrustment,
  confirmEntrustment,
  revokeEntrustment,
  listEntrustments,
  grantRole,
  revokeRole,
  bindAtWindow,
  exportMyData,
  deleteAccount,
  ...staffActions,
});
