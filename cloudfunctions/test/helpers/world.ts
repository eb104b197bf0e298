// A world with every kind of actor around two applicants, built through the actions themselves (seed + invoke), for
// the role matrix and the fuzz test.
import { roundDates, PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { seedDemo, demoIdNumber, DEMO_PERSON_IDS } from '../../src/demo/seed';
import type { FilePurpose, RoundDoc } from '../../src/core/model';
import { PDF_BYTES, PNG_BYTES, idNumberFor } from './fixtures';
import type { TestCloud } from './runtime';
import { uploadThroughStorage } from './uploads';

export const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

export type Subject = 'E' | 'M' | 'T';

export interface World {
  person: Record<Subject, string>;
  /** Submitted 2025 application: every item approved except education (returned). */
  submitted: Record<Subject, string>;
  /** 2026 draft. */
  draft: Record<Subject, string>;
  evidence: Record<Subject, string>;
  educationItem: Record<Subject, string>;
  pendingEntrustment: string;
  activeEntrustment: string;
  /** An open objection on demo-applicant's application. */
  openObjection: string;
  /** An entrustment and two identity files uploaded by each registered openid (addDependent, createEntrustment). */
  docFiles: Record<string, { entrustment: string; id1: string; id2: string }>;
}

export const EMPLOYEE_ID = demoIdNumber('1992-11-08', 5);

async function uploadDocs(cloud: TestCloud, openid: string) {
  const up = (purpose: FilePurpose) =>
    uploadThroughStorage(cloud, openid, { purpose, bytes: PDF_BYTES }).then((r) => r.fileId);
  return { entrustment: await up('entrustment'), id1: await up('identity'), id2: await up('identity') };
}

async function entrust(cloud: TestCloud, agentOpenid: string) {
  const d = await uploadDocs(cloud, agentOpenid);
  const r = await cloud.ok(agentOpenid, 'accounts', 'createEntrustment', {
    employeeName: '演示员工',
    employeeIdNumber: EMPLOYEE_ID,
    employerName: '测试单位有限公司',
    entrustmentFileId: d.entrustment,
    employeeIdentityFileId: d.id1,
    agentIdentityFileId: d.id2,
  });
  return r.entrustment.entrustmentId as string;
}

export async function buildWorld(cloud: TestCloud): Promise<World> {
  cloud.setNow(bj('2025-09-26'));
  await seedDemo(cloud.runtime);
  // A 2026 round as well, for the drafts.
  const d26 = roundDates(2026);
  await cloud.store.set<RoundDoc>('rounds', {
    _id: 'round-2026',
    year: 2026,
    status: 'open',
    cutoffDate: d26.cutoffDate,
    settlementOpens: d26.settlementOpens,
    settlementCloses: d26.settlementCloses,
    lookbackFrom: d26.lookbackFrom,
    pointsApplication: { opens: d26.pointsApplication.opens, closes: d26.pointsApplication.closes, yearRound: true },
    createdAt: new Date(bj('2025-09-26')).toISOString(),
  });

  let serial = 10;
  for (const openid of ['agent-pending', 'agent-revoked', 'guardian-none', 'guardian-teen']) {
    await cloud.ok(openid, 'accounts', 'register', {
      name: '测试人员',
      idNumber: idNumberFor('1985-05-05', serial++),
      phone: '13900000000',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
  }
  const pendingEntrustment = await entrust(cloud, 'agent-pending');
  const revoked = await entrust(cloud, 'agent-revoked');
  await cloud.ok('demo-employee', 'accounts', 'confirmEntrustment', { entrustmentId: revoked });
  await cloud.ok('demo-employee', 'accounts', 'revokeEntrustment', { entrustmentId: revoked });

  // A teenager who turns 16 on 2025-09-27: the parent may act for them until then.
  const teenDocs = await uploadDocs(cloud, 'guardian-teen');
  const teen = await cloud.ok('guardian-teen', 'accounts', 'addDependent', {
    name: '测试少年',
    idNumber: idNumberFor('2009-09-27', 1),
    relation: 'parent',
    actorIdentityFileId: teenDocs.id1,
    subjectIdentityFileId: teenDocs.id2,
  });

  const person: Record<Subject, string> = {
    E: DEMO_PERSON_IDS.employee,
    M: DEMO_PERSON_IDS.minor,
    T: teen.person.personId,
  };
  const actorOf: Record<Subject, string> = { E: 'demo-agent', M: 'demo-guardian', T: 'guardian-teen' };
  const submitted = {} as Record<Subject, string>;
  const draft = {} as Record<Subject, string>;
  const evidence = {} as Record<Subject, string>;
  const educationItem = {} as Record<Subject, string>;
  for (const s of ['E', 'M', 'T'] as Subject[]) {
    const actor = actorOf[s];
    const onBehalfOf = person[s];
    evidence[s] = (
      await uploadThroughStorage(cloud, actor, { onBehalfOf, purpose: 'evidence', bytes: PNG_BYTES })
    ).fileId;
    const a1 = await cloud.ok(actor, 'applications', 'saveDraft', {
      onBehalfOf,
      year: 2025,
      claims: [{ indicator: 'education', value: { education: 'high-school' }, evidence: [evidence[s]] }],
    });
    submitted[s] = a1.application.applicationId;
    await cloud.ok(actor, 'applications', 'submit', {
      applicationId: submitted[s],
      commitment: true,
      requestId: `world-submit-${s}`,
    });
    const a2 = await cloud.ok(actor, 'applications', 'saveDraft', {
      onBehalfOf,
      year: 2026,
      claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [] }],
    });
    draft[s] = a2.application.applicationId;
  }
  for (const s of ['E', 'M', 'T'] as Subject[]) {
    const item = (await cloud.ok('demo-reviewer-education', 'review', 'queue', { status: 'pending' })).items.find(
      (i: any) => i.applicationId === submitted[s],
    );
    educationItem[s] = item.itemId;
    await cloud.ok('demo-reviewer-education', 'review', 'decide', {
      itemId: item.itemId,
      decision: 'returned',
      reason: '请补充学历证明',
    });
  }

  // demo-applicant: a scored, published application with an open objection (for objections.answer).
  const own = await cloud.ok('demo-applicant', 'applications', 'saveDraft', {
    year: 2025,
    claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }],
  });
  await cloud.ok('demo-applicant', 'applications', 'submit', {
    applicationId: own.application.applicationId,
    commitment: true,
    requestId: 'world-own-1',
  });
  for (const dept of ['housing', 'public-security']) {
    const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
    for (const i of items)
      await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
        itemId: i.itemId,
        decision: 'approved',
        acceptedValue: i.claimed,
      });
  }
  cloud.setNow(bj('2025-10-30'));
  const obj = await cloud.ok('demo-applicant', 'objections', 'file', {
    applicationId: own.application.applicationId,
    indicators: ['rental'],
    reason: '租赁年限有误',
    requestId: 'world-objection-1',
  });

  const docFiles: World['docFiles'] = {};
  for (const openid of [
    'demo-employee',
    'demo-applicant',
    'demo-agent',
    'agent-pending',
    'agent-revoked',
    'demo-guardian',
    'guardian-none',
    'guardian-teen',
  ]) {
    docFiles[openid] = await uploadDocs(cloud, openid);
  }
  return {
    person,
    submitted,
    draft,
    evidence,
    educationItem,
    pendingEntrustment,
    activeEntrustment: `ent-${DEMO_PERSON_IDS.agent}-${DEMO_PERSON_IDS.employee}`,
    openObjection: obj.objection.objectionId,
    docFiles,
  };
}
