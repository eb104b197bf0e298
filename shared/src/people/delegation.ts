import { compareDates, parseDate } from '../calendar/civil-date';
import { ageOn } from './age';
import type { StatedCitation } from '../citation';

/**
 * Who may make a points application for someone else (FAQ2021 Q8): the employer by the applicant's written
 * entrustment; for a minor under 16, an elderly person with mobility difficulties or a disabled person (who cannot
 * act in person), their guardian or a close relative. A delegate presents both identity documents.
 */
export const DELEGATION_RULES = {
  citation: { doc: 'FAQ2021', clause: '八', verified: true } satisfies StatedCitation,
  /** "未满十六周岁": 15 passes, 16 fails. */
  minorMaxAgeExclusive: 16,
  /**
   * "行动不便的老年人": the sources give no age. We take 60 (《老年人权益保障法》第二条: 老年人是指六十周岁以上的公民),
   * and require the mobility difficulty as well, as the text does ("行动不便的"). Unverified.
   */
  elderlyMinAge: 60,
  elderlyCitation: {
    doc: 'outside-source',
    clause: '老年人年龄按《老年人权益保障法》第二条取60周岁，且须行动不便（来源文件未规定年龄）',
    verified: false,
  } satisfies StatedCitation,
  /** 近亲属 per 《民法典》第一千零四十五条: spouse, parents, children, siblings, grandparents, grandchildren. */
  closeRelativeCitation: {
    doc: 'outside-source',
    clause: '近亲属范围按《民法典》第一千零四十五条',
    verified: false,
  } satisfies StatedCitation,
} as const;

/** The actor's relation to the subject, read as "I am the subject's <relation>" (same words as the api barrel). */
export type CloseRelative = 'parent' | 'child' | 'spouse' | 'sibling' | 'grandparent' | 'grandchild';
export const CLOSE_RELATIVES: readonly CloseRelative[] = [
  'parent',
  'child',
  'spouse',
  'sibling',
  'grandparent',
  'grandchild',
];
export type DelegationRelation = 'self' | 'employer-agent' | 'guardian' | CloseRelative;

export interface DelegationInput {
  actor: { personId: string };
  subject: {
    personId: string;
    birthDate: string;
    /** Has a disability (残疾人). */
    disabled?: boolean;
    /** Cannot apply in person (行动不便), as declared and recorded; needed for the elderly and disabled routes. */
    unableToActInPerson?: boolean;
  };
  relation: DelegationRelation;
  /** For an employer agent: the applicant's entrustment as recorded by the cloud side. */
  entrustment?: { written: boolean; recordedOn: string | null; revokedOn: string | null };
  /** The delegate presented both their own and the applicant's identity documents (recorded by the cloud side). */
  bothIdentityDocuments?: boolean;
  /** Beijing date of the action. */
  on: string;
}

export type DelegationDenial =
  | 'NOT_SAME_PERSON'
  | 'ENTRUSTMENT_MISSING'
  | 'ENTRUSTMENT_NOT_WRITTEN'
  | 'ENTRUSTMENT_NOT_RECORDED'
  | 'ENTRUSTMENT_REVOKED'
  | 'SUBJECT_CAN_ACT'
  | 'IDENTITY_DOCUMENTS_MISSING';

export type DelegationDecision =
  | { allowed: true; basis: string; citation: StatedCitation }
  | { allowed: false; code: DelegationDenial; reason: string; citation: StatedCitation };

const deny = (
  code: DelegationDenial,
  reason: string,
  citation: StatedCitation = DELEGATION_RULES.citation,
): DelegationDecision => ({
  allowed: false,
  code,
  reason,
  citation,
});

/** Chinese names of the family relations a delegate may record (also the client's choices). */
export const RELATION_LABELS: Record<Exclude<DelegationRelation, 'self' | 'employer-agent'>, string> = {
  guardian: '监护人',
  parent: '父母',
  child: '子女',
  spouse: '配偶',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
};

/**
 * Whether `actor` may make the points application for `subject` on `on`. Denials carry a stable code and a
 * Chinese reason. The cloud side supplies the recorded facts (entrustment, identity documents, declarations).
 */
export function mayActFor(input: DelegationInput): DelegationDecision {
  const { actor, subject, relation, on } = input;
  const rules = DELEGATION_RULES;
  parseDate(on);
  if (actor.personId === subject.personId) {
    return { allowed: true, basis: '本人申请', citation: rules.citation };
  }
  if (relation === 'self') return deny('NOT_SAME_PERSON', '办理人与申请人不是同一人，不能以本人名义办理');

  const idCheck = () =>
    input.bothIdentityDocuments === true
      ? null
      : deny('IDENTITY_DOCUMENTS_MISSING', '代为申请须同时提供委托人和代办人的有效身份证件或身份证明');

  if (relation === 'employer-agent') {
    const e = input.entrustment;
    const needsWritten = '用人单位代为申请须有申请人的书面委托';
    if (!e) return deny('ENTRUSTMENT_MISSING', needsWritten);
    if (!e.written) return deny('ENTRUSTMENT_NOT_WRITTEN', needsWritten);
    if (e.recordedOn === null || compareDates(e.recordedOn, on) > 0) {
      return deny('ENTRUSTMENT_NOT_RECORDED', '书面委托尚未登记备案，暂不能代为申请');
    }
    // A revocation takes effect on the day it is recorded.
    if (e.revokedOn !== null && compareDates(e.revokedOn, on) <= 0) {
      return deny('ENTRUSTMENT_REVOKED', '申请人已撤销对用人单位的委托');
    }
    return idCheck() ?? { allowed: true, basis: '用人单位凭申请人书面委托代为申请', citation: rules.citation };
  }

  // Guardian or close relative: only for someone who cannot be expected to apply in person.
  const who = RELATION_LABELS[relation];
  const age = ageOn(subject.birthDate, on);
  let basis: string | null = null;
  let citation: StatedCitation = rules.citation;
  if (age < rules.minorMaxAgeExclusive) {
    basis = `申请人未满16周岁（当前${age}周岁），由其${who}代为申请`;
  } else if (subject.disabled === true && subject.unableToActInPerson === true) {
    basis = `申请人为残疾人且无法亲自办理，由其${who}代为申请`;
  } else if (age >= rules.elderlyMinAge && subject.unableToActInPerson === true) {
    basis = `申请人为行动不便的老年人（${age}周岁），由其${who}代为申请`;
    citation = rules.elderlyCitation;
  }
  if (basis === null) {
    return deny(
      'SUBJECT_CAN_ACT',
      `${who}只能为未满16周岁的未成年人、行动不便的老年人（60周岁及以上）或无法亲自办理的残疾人代为申请；申请人当前${age}周岁，须本人申请或书面委托用人单位`,
    );
  }
  return idCheck() ?? { allowed: true, basis, citation };
}
