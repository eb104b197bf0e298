// Over 300 lines on purpose: the whole cast of `npm start` (personas, their documents and how they are stored) on
// one page, so a newcomer reads every demo identity in one place.
// Demo data for the local cloud and the e2e tests: fixed personas (openids) with obviously fake identities
// (names say 演示, ID numbers have valid GB 11643 check characters but serial 00x, phones 1380000000x), an
// entrustment, a guardian with two dependants without WeChat, one reviewer per department, a district office,
// an administrator, and an open round for the current year.
import {
  DEPARTMENT_CODES,
  DEPARTMENT_LABELS,
  beijingDate,
  idCheckCharacter,
  pointsApplicationRound,
  roundDates,
  type DepartmentCode,
} from '@hz-points/shared';
import { appendAudit } from '../audit';
import { idNumberKey } from '../functions/accounts';
import { COLLECTIONS } from '../core/collections';
import type { Runtime } from '../core/runtime';
import {
  entrustmentId,
  relationId,
  roundId,
  type AccountDoc,
  type EntrustmentDoc,
  type FileDoc,
  type PersonDoc,
  type Relation,
  type RelationDoc,
  type RoundDoc,
  type StaffRole,
} from '../core/model';

export interface DemoPersona {
  openid: string;
  /** Chinese display name for the persona switcher. */
  displayName: string;
  role: 'applicant' | 'agent' | 'employee' | 'guardian' | 'reviewer' | 'district-office' | 'admin';
  department?: DepartmentCode;
  /** What the persona can do, in Chinese (shown by GET /api/dev/personas). */
  canDo: string;
}

/** A fake but valid ID number: Hangzhou 西湖区 region code, the birth date, serial 00<n>, GB 11643 check character. */
export function demoIdNumber(birthDate: string, serial: number): string {
  const first17 = `330106${birthDate.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export const DEMO_PERSON_IDS = {
  applicant: 'p-demo-applicant',
  agent: 'p-demo-agent',
  employee: 'p-demo-employee',
  guardian: 'p-demo-guardian',
  minor: 'p-demo-minor',
  elder: 'p-demo-elder',
} as const;

interface DemoPerson {
  id: string;
  openid: string | null;
  name: string;
  birthDate: string;
  serial: number;
  phone: string | null;
  createdBy: string | null;
}

const PEOPLE: DemoPerson[] = [
  {
    id: DEMO_PERSON_IDS.applicant,
    openid: 'demo-applicant',
    name: '演示申请人',
    birthDate: '1995-03-15',
    serial: 1,
    phone: '13800000001',
    createdBy: null,
  },
  {
    id: DEMO_PERSON_IDS.agent,
    openid: 'demo-agent',
    name: '演示经办人',
    birthDate: '1988-06-20',
    serial: 3,
    phone: '13800000002',
    createdBy: null,
  },
  {
    id: DEMO_PERSON_IDS.employee,
    openid: 'demo-employee',
    name: '演示员工',
    birthDate: '1992-11-08',
    serial: 5,
    phone: '13800000003',
    createdBy: null,
  },
  {
    id: DEMO_PERSON_IDS.guardian,
    openid: 'demo-guardian',
    name: '演示监护人',
    birthDate: '1980-01-10',
    serial: 7,
    phone: '13800000004',
    createdBy: null,
  },
  // Without WeChat: created by their guardian / child.
  {
    id: DEMO_PERSON_IDS.minor,
    openid: null,
    name: '演示未成年人',
    birthDate: '2016-05-01',
    serial: 2,
    phone: null,
    createdBy: DEMO_PERSON_IDS.guardian,
  },
  {
    id: DEMO_PERSON_IDS.elder,
    openid: null,
    name: '演示老人',
    birthDate: '1950-09-09',
    serial: 4,
    phone: null,
    createdBy: DEMO_PERSON_IDS.guardian,
  },
];

const RELATIONS: Array<{ actor: string; subject: string; relation: Relation; subjectIdentity: string }> = [
  {
    actor: DEMO_PERSON_IDS.guardian,
    subject: DEMO_PERSON_IDS.minor,
    relation: 'parent',
    subjectIdentity: 'f-demo-minor-identity',
  },
  {
    actor: DEMO_PERSON_IDS.guardian,
    subject: DEMO_PERSON_IDS.elder,
    relation: 'child',
    subjectIdentity: 'f-demo-elder-identity',
  },
];

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    openid: 'demo-applicant',
    displayName: '演示申请人',
    role: 'applicant',
    canDo: '本人测算、申请积分、上传材料、补正、提出异议',
  },
  {
    openid: 'demo-agent',
    displayName: '演示经办人（单位人事）',
    role: 'agent',
    canDo: '凭演示员工的书面委托代为申请、补正、提出异议',
  },
  {
    openid: 'demo-employee',
    displayName: '演示员工',
    role: 'employee',
    canDo: '本人申请；查看、撤销对单位经办人的委托',
  },
  {
    openid: 'demo-guardian',
    displayName: '演示监护人',
    role: 'guardian',
    canDo: '本人申请；为未成年子女和年迈父母（均无微信）代为办理',
  },
  ...DEPARTMENT_CODES.map((d): DemoPersona => ({
    openid: `demo-reviewer-${d}`,
    displayName: `演示审核员（${DEPARTMENT_LABELS[d]}）`,
    role: 'reviewer',
    department: d,
    canDo: `审核本部门（${DEPARTMENT_LABELS[d]}）负责的指标：审核完成、审核中、退回`,
  })),
  {
    openid: 'demo-district-office',
    displayName: '演示区积分受理点',
    role: 'district-office',
    canDo: '查看申请、确认书面委托、答复异议',
  },
  {
    openid: 'demo-admin',
    displayName: '演示管理员',
    role: 'admin',
    canDo: '授予和撤销审核员、受理点、管理员角色；查看申请和异议',
  },
];

/** A tiny valid PDF (header, one empty page): stands in for scanned entrustment and identity documents. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * Writes the demo data once (a second call finds demo-admin and does nothing), in one transaction with an audit
 * entry. Returns whether it wrote anything.
 */
export async function seedDemo(runtime: Runtime): Promise<boolean> {
  if (await runtime.store.get(COLLECTIONS.accounts, 'demo-admin')) return false;
  const now = runtime.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  const year = Number(today.slice(0, 4));
  const applicationYear = pointsApplicationRound(today);
  const roundYears = applicationYear !== null && applicationYear > year ? [year, applicationYear] : [year];

  const docFiles: Array<{ id: string; purpose: FileDoc['purpose'] }> = [
    { id: 'f-demo-entrustment', purpose: 'entrustment' },
    { id: 'f-demo-employee-identity', purpose: 'identity' },
    { id: 'f-demo-agent-identity', purpose: 'identity' },
  ];
  const guardianFiles = ['f-demo-guardian-identity', 'f-demo-minor-identity', 'f-demo-elder-identity'];
  for (const f of docFiles)
    await runtime.files.put(`docs/${DEMO_PERSON_IDS.agent}/${f.id}.pdf`, DEMO_PDF, 'application/pdf');
  for (const f of guardianFiles)
    await runtime.files.put(`docs/${DEMO_PERSON_IDS.guardian}/${f}.pdf`, DEMO_PDF, 'application/pdf');

  await runtime.store.transaction(async (tx) => {
    for (const p of PEOPLE) {
      const idNumber = demoIdNumber(p.birthDate, p.serial);
      const person: PersonDoc = {
        _id: p.id,
        name: p.name,
        idNumber,
        phone: p.phone,
        birthDate: p.birthDate,
        gender: p.serial % 2 === 1 ? 'male' : 'female',
        openid: p.openid,
        disabled: false,
        // The demo elderly parent declares mobility difficulties (行动不便), so mayActFor accepts the child.
        unableToActInPerson: p.id === DEMO_PERSON_IDS.elder,
        createdBy: p.createdBy,
        createdAt: at,
      };
      await tx.insert(COLLECTIONS.persons, person);
      await tx.insert(COLLECTIONS.idNumbers, { _id: idNumberKey(idNumber), personId: p.id });
      if (p.openid) {
        await tx.insert<AccountDoc>(COLLECTIONS.accounts, {
          _id: p.openid,
          personId: p.id,
          roles: [],
          department: null,
          createdAt: at,
          isStaff: false,
        });
      }
    }
    for (const r of RELATIONS) {
      await tx.insert<RelationDoc>(COLLECTIONS.relations, {
        _id: relationId(r.actor, r.subject),
        actorPersonId: r.actor,
        subjectPersonId: r.subject,
        relation: r.relation,
        documents: { actorIdentity: 'f-demo-guardian-identity', subjectIdentity: r.subjectIdentity },
        createdAt: at,
        revokedAt: null,
      });
    }
    for (const f of guardianFiles) {
      await tx.insert<FileDoc>(COLLECTIONS.files, {
        _id: f,
        ownerPersonId: DEMO_PERSON_IDS.guardian,
        uploadedByPersonId: DEMO_PERSON_IDS.guardian,
        purpose: 'identity',
        path: `docs/${DEMO_PERSON_IDS.guardian}/${f}.pdf`,
        contentType: 'application/pdf',
        size: DEMO_PDF.length,
        departments: [],
        createdAt: at,
      });
    }
    const entId = entrustmentId(DEMO_PERSON_IDS.agent, DEMO_PERSON_IDS.employee);
    for (const f of docFiles) {
      await tx.insert<FileDoc>(COLLECTIONS.files, {
        _id: f.id,
        ownerPersonId: DEMO_PERSON_IDS.agent,
        uploadedByPersonId: DEMO_PERSON_IDS.agent,
        purpose: f.purpose,
        path: `docs/${DEMO_PERSON_IDS.agent}/${f.id}.pdf`,
        contentType: 'application/pdf',
        size: DEMO_PDF.length,
        departments: [],
        createdAt: at,
        entrustmentId: entId,
      });
    }
    await tx.insert<EntrustmentDoc>(COLLECTIONS.entrustments, {
      _id: entId,
      agentPersonId: DEMO_PERSON_IDS.agent,
      employeePersonId: DEMO_PERSON_IDS.employee,
      employerName: '演示科技有限公司',
      documents: { entrustment: docFiles[0]!.id, employeeIdentity: docFiles[1]!.id, agentIdentity: docFiles[2]!.id },
      status: 'active',
      createdAt: at,
      confirmedBy: { openid: 'demo-employee', as: 'employee' },
      confirmedAt: at,
      revokedAt: null,
    });
    const staff: Array<{ openid: string; role: StaffRole; department: DepartmentCode | null }> = [
      ...DEPARTMENT_CODES.map((d) => ({ openid: `demo-reviewer-${d}`, role: 'reviewer' as const, department: d })),
      { openid: 'demo-district-office', role: 'district-office', department: null },
      { openid: 'demo-admin', role: 'admin', department: null },
    ];
    for (const s of staff) {
      await tx.insert<AccountDoc>(COLLECTIONS.accounts, {
        _id: s.openid,
        personId: null,
        roles: [s.role],
        department: s.department,
        createdAt: at,
        isStaff: true,
      });
    }
    // This year's round (its settlement window may still be ahead) and, once this year's points deadline has
    // passed, the next round too, which takes the points applications made now (pointsApplicationRound).
    for (const roundYear of roundYears) {
      const dates = roundDates(roundYear);
      await tx.set<RoundDoc>(COLLECTIONS.rounds, {
        _id: roundId(roundYear),
        year: roundYear,
        status: 'open',
        cutoffDate: dates.cutoffDate,
        settlementOpens: dates.settlementOpens,
        settlementCloses: dates.settlementCloses,
        lookbackFrom: dates.lookbackFrom,
        pointsApplication: {
          opens: dates.pointsApplication.opens,
          closes: dates.pointsApplication.closes,
          yearRound: dates.pointsApplication.yearRound,
        },
        createdAt: at,
      });
    }
    await appendAudit(
      tx,
      {
        action: 'demo.seed',
        actor: { openid: 'system', personId: null },
        target: { collection: COLLECTIONS.rounds, id: roundId(year) },
      },
      now,
    );
  });
  return true;
}
