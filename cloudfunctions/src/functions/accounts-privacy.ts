// The person's rights over their own data (个人信息保护法): a copy of everything held about them (第四十五条) and
// deleting their account (第四十七条). Only ever the caller's own data: neither action takes a person id.
import {
  DeleteAccountInput,
  ExportMyDataInput,
  PRIVACY_POLICY_VERSION,
  type PersonalAuditEntry,
  type PersonalDataExport,
  type PersonalRecord,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { defineAction } from '../core/action';
import { AppError } from '../core/errors';
import type { ApplicationDoc, EntrustmentDoc, FileDoc, RelationDoc } from '../core/model';
import { clearPerson } from '../core/people';
import type { AuditEntry } from '../audit';
// accounts.ts imports this module too; idNumberKey is only called at run time, so the cycle is harmless.
import { idNumberKey } from './accounts';
import type { Doc, Store, Where } from '../storage/store';
import { eraseFilesOf } from './files-sweep';

/** Reads every match in pages of 100 (CloudBase's limit per query inside a function). */
async function findAll<T extends Doc>(store: Store, collection: string, where: Where): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await store.find<T>(collection, where, { orderBy: [['_id', 'asc']], limit: 100, skip });
    out.push(...page);
    if (page.length < 100) return out;
  }
}

/** Documents about the person, by collection and the field naming them. */
type OwnRecordKey = 'applications' | 'items' | 'objections' | 'certificates' | 'settlements' | 'reminders';
const OWN_RECORDS: Array<{ key: OwnRecordKey; collection: string; field: string }> = [
  { key: 'applications', collection: COLLECTIONS.applications, field: 'personId' },
  { key: 'items', collection: COLLECTIONS.items, field: 'personId' },
  { key: 'objections', collection: COLLECTIONS.objections, field: 'personId' },
  { key: 'certificates', collection: COLLECTIONS.certificates, field: 'personId' },
  { key: 'settlements', collection: COLLECTIONS.settlements, field: 'personId' },
  { key: 'reminders', collection: COLLECTIONS.outbox, field: 'personId' },
];

/**
 * An audit entry as its subject sees it: who acted is "self" or "other" (a reviewer's or delegate's WeChat identity
 * is theirs, not the subject's); an action the person took for someone else keeps its kind and date but not the
 * other person's record.
 */
function auditView(e: AuditEntry, self: { openid: string; personId: string }): PersonalAuditEntry {
  const forSelf = e.onBehalfOf === null || e.onBehalfOf === self.personId;
  return {
    at: e.at,
    action: e.action,
    actedBy: e.actor.openid === self.openid || e.actor.personId === self.personId ? 'self' : 'other',
    onBehalfOfYou: e.onBehalfOf === self.personId,
    target: forSelf ? e.target : null,
    details: forSelf ? e.details : {},
  };
}

/**
 * Other people's WeChat identities inside one's own records (review history, confirmations): kept as "other". Only
 * string values change, to another string, so the copy keeps the shape of what it copies.
 */
function withoutOthersOpenids<T>(value: T, selfOpenid: string): T;
function withoutOthersOpenids(value: unknown, selfOpenid: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutOthersOpenids(v, selfOpenid));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      /openid$/i.test(k) && typeof v === 'string' && v !== selfOpenid ? 'other' : withoutOthersOpenids(v, selfOpenid);
  }
  return out;
}

export const exportMyData = defineAction({
  input: ExportMyDataInput,
  access: 'registered',
  mutates: false,
  async run(ctx): Promise<PersonalDataExport> {
    const person = ctx.person!;
    const store = ctx.runtime.store;
    const records = {} as Record<OwnRecordKey, PersonalRecord[]>;
    for (const r of OWN_RECORDS) records[r.key] = await findAll(store, r.collection, { [r.field]: person._id });
    const relations = [
      ...(await findAll<RelationDoc>(store, COLLECTIONS.relations, { actorPersonId: person._id })),
      ...(await findAll<RelationDoc>(store, COLLECTIONS.relations, { subjectPersonId: person._id })),
    ];
    const entrustments = [
      ...(await findAll<EntrustmentDoc>(store, COLLECTIONS.entrustments, { agentPersonId: person._id })),
      ...(await findAll<EntrustmentDoc>(store, COLLECTIONS.entrustments, { employeePersonId: person._id })),
    ];
    // File metadata only (purpose, type, size, dates): the files themselves are read one by one through files.read.
    const files = await findAll<FileDoc>(store, COLLECTIONS.files, { ownerPersonId: person._id });
    const self = { openid: ctx.openid, personId: person._id };
    const auditById = new Map<string, AuditEntry>();
    const about: Where[] = [
      { onBehalfOf: person._id },
      { 'actor.personId': person._id },
      { 'actor.openid': ctx.openid },
    ];
    for (const where of about) {
      for (const e of await findAll<AuditEntry>(store, COLLECTIONS.audit, where)) auditById.set(e._id, e);
    }
    const audit = [...auditById.values()].sort((a, b) => a.seq - b.seq).map((e) => auditView(e, self));
    return withoutOthersOpenids(
      {
        exportedAt: ctx.now.toISOString(),
        format: 'hz-points-personal-data/1',
        account: {
          openid: ctx.openid,
          roles: ctx.account?.roles ?? [],
          department: ctx.account?.department ?? null,
          createdAt: ctx.account?.createdAt ?? null,
          privacyConsent: (ctx.account?.privacyConsent as PrivacyConsentRecord | undefined) ?? null,
        },
        person: { ...clearPerson(person), createdAt: person.createdAt },
        ...records,
        relations,
        entrustments,
        files,
        audit,
      },
      ctx.openid,
    );
  },
});

export const deleteAccount = defineAction({
  input: DeleteAccountInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const person = ctx.person!;
    const store = ctx.runtime.store;
    // Staff accounts: an administrator revokes the roles first (the role history stays in the audit log).
    if ((ctx.account?.roles.length ?? 0) > 0)
      throw new AppError('ACCOUNT_IN_USE', '工作人员账号须由管理员撤销角色后再注销');
    const applications = await findAll<ApplicationDoc>(store, COLLECTIONS.applications, { personId: person._id });
    // A submitted application is a government record the departments must keep (see the 隐私政策's retention section).
    if (applications.some((a) => a.status !== 'draft')) throw new AppError('ACCOUNT_HAS_APPLICATIONS');
    // Someone else depends on this person's relations and entrustments: they are ended first, by their own actions.
    const relations = [
      ...(await findAll<RelationDoc>(store, COLLECTIONS.relations, { actorPersonId: person._id })),
      ...(await findAll<RelationDoc>(store, COLLECTIONS.relations, { subjectPersonId: person._id })),
    ];
    const entrustments = [
      ...(await findAll<EntrustmentDoc>(store, COLLECTIONS.entrustments, { agentPersonId: person._id })),
      ...(await findAll<EntrustmentDoc>(store, COLLECTIONS.entrustments, { employeePersonId: person._id })),
    ];
    if (relations.some((r) => r.revokedAt === null) || entrustments.some((e) => e.status !== 'revoked'))
      throw new AppError('ACCOUNT_IN_USE');
    // Applications others filed for this person are theirs to keep only while submitted; drafts go with the account.
    const items = await findAll<Doc>(store, COLLECTIONS.items, { personId: person._id });
    const reminders = await findAll<Doc>(store, COLLECTIONS.outbox, { personId: person._id });
    const files = await findAll<FileDoc>(store, COLLECTIONS.files, { ownerPersonId: person._id });
    const result = await ctx.mutate(async (tx, audit) => {
      // Re-read inside the transaction: a submit that landed since the check above wins.
      for (const a of applications) {
        const current = await tx.get<ApplicationDoc>(COLLECTIONS.applications, a._id);
        if (current && current.status !== 'draft') throw new AppError('ACCOUNT_HAS_APPLICATIONS');
      }
      for (const d of items) await tx.remove(COLLECTIONS.items, d._id);
      for (const a of applications) await tx.remove(COLLECTIONS.applications, a._id);
      for (const d of reminders) await tx.remove(COLLECTIONS.outbox, d._id);
      for (const f of files) await tx.remove(COLLECTIONS.files, f._id);
      await tx.remove(COLLECTIONS.idNumbers, idNumberKey(person.idNumber));
      await tx.remove(COLLECTIONS.persons, person._id);
      await tx.remove(COLLECTIONS.accounts, ctx.openid);
      // Counts only: the log keeps that an account was deleted, never whose name or number it held.
      await audit({
        onBehalfOf: person._id,
        target: { collection: COLLECTIONS.persons, id: person._id },
        details: {
          deleted: {
            applications: applications.length,
            items: items.length,
            files: files.length,
            reminders: reminders.length,
          },
        },
      });
      return { deleted: true as const };
    });
    // The bytes go once no record points to them any more (after the commit: a failed transaction keeps both).
    await eraseFilesOf(
      ctx.runtime,
      files.map((f) => f.path),
    );
    return result;
  },
});

/** Consent as stored with the account at registration. */
export interface PrivacyConsentRecord {
  policyVersion: string;
  agreedAt: string;
}

/** The consent a registration must carry: the current policy, agreed. */
export function consentOrFail(consent: { policyVersion: string; agreed: boolean }, now: Date): PrivacyConsentRecord {
  if (!consent.agreed || consent.policyVersion !== PRIVACY_POLICY_VERSION)
    throw new AppError('PRIVACY_CONSENT_REQUIRED');
  return { policyVersion: consent.policyVersion, agreedAt: now.toISOString() };
}
