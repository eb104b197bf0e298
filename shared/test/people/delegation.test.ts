import { mayActFor, DELEGATION_RULES, type DelegationInput } from '../../src/people';

const ON = '2025-11-03';
const born = (age: number, birthdayToday = true) => `${2025 - age}-11-${birthdayToday ? '03' : '04'}`;
const actor = { personId: 'p-actor' };
const subject = (age: number, extra: Partial<DelegationInput['subject']> = {}, today = true) => ({
  personId: 'p-subject',
  birthDate: born(age, today),
  ...extra,
});
const entrustment = { written: true, recordedOn: '2025-10-01', revokedOn: null };

describe('mayActFor: grants', () => {
  test.each<[string, DelegationInput, RegExp]>([
    ['self', { actor, subject: { ...subject(30), personId: 'p-actor' }, relation: 'self', on: ON }, /本人申请/],
    [
      'self even when a relation is given',
      { actor, subject: { ...subject(30), personId: 'p-actor' }, relation: 'guardian', on: ON },
      /本人申请/,
    ],
    [
      'employer with a recorded written entrustment',
      { actor, subject: subject(30), relation: 'employer-agent', entrustment, bothIdentityDocuments: true, on: ON },
      /书面委托/,
    ],
    [
      'entrustment recorded today',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, recordedOn: ON },
        bothIdentityDocuments: true,
        on: ON,
      },
      /书面委托/,
    ],
    [
      'revocation recorded for a later day',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, revokedOn: '2025-11-04' },
        bothIdentityDocuments: true,
        on: ON,
      },
      /书面委托/,
    ],
    [
      'guardian of a 15-year-old (16 tomorrow)',
      { actor, subject: subject(16, {}, false), relation: 'guardian', bothIdentityDocuments: true, on: ON },
      /未满16周岁（当前15周岁）.*监护人/,
    ],
    [
      'grandparent of a child',
      { actor, subject: subject(8), relation: 'grandparent', bothIdentityDocuments: true, on: ON },
      /未满16周岁/,
    ],
    [
      'child of a parent of 60 who cannot act in person',
      {
        actor,
        subject: subject(60, { unableToActInPerson: true }),
        relation: 'child',
        bothIdentityDocuments: true,
        on: ON,
      },
      /行动不便的老年人（60周岁）.*子女/,
    ],
    [
      'spouse of a disabled person who cannot act',
      {
        actor,
        subject: subject(40, { disabled: true, unableToActInPerson: true }),
        relation: 'spouse',
        bothIdentityDocuments: true,
        on: ON,
      },
      /残疾人/,
    ],
  ])('%s', (_name, input, basis) => {
    const d = mayActFor(input);
    expect(d.allowed).toBe(true);
    if (d.allowed) expect(d.basis).toMatch(basis);
  });

  test('the elderly route is cited as unverified (the age is not in our sources)', () => {
    const d = mayActFor({
      actor,
      subject: subject(70, { unableToActInPerson: true }),
      relation: 'child',
      bothIdentityDocuments: true,
      on: ON,
    });
    expect(d).toMatchObject({ allowed: true, citation: { verified: false } });
    const minor = mayActFor({ actor, subject: subject(10), relation: 'parent', bothIdentityDocuments: true, on: ON });
    expect(minor).toMatchObject({ allowed: true, citation: { doc: 'FAQ2021', clause: '八', verified: true } });
  });
});

describe('mayActFor: denials, each with a code and a Chinese reason', () => {
  test.each<[string, DelegationInput, string]>([
    ['self claimed for someone else', { actor, subject: subject(30), relation: 'self', on: ON }, 'NOT_SAME_PERSON'],
    [
      'employer without entrustment',
      { actor, subject: subject(30), relation: 'employer-agent', bothIdentityDocuments: true, on: ON },
      'ENTRUSTMENT_MISSING',
    ],
    [
      'oral entrustment',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, written: false },
        bothIdentityDocuments: true,
        on: ON,
      },
      'ENTRUSTMENT_NOT_WRITTEN',
    ],
    [
      'entrustment not recorded',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, recordedOn: null },
        bothIdentityDocuments: true,
        on: ON,
      },
      'ENTRUSTMENT_NOT_RECORDED',
    ],
    [
      'entrustment recorded only tomorrow',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, recordedOn: '2025-11-04' },
        bothIdentityDocuments: true,
        on: ON,
      },
      'ENTRUSTMENT_NOT_RECORDED',
    ],
    [
      'entrustment revoked today',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, revokedOn: ON },
        bothIdentityDocuments: true,
        on: ON,
      },
      'ENTRUSTMENT_REVOKED',
    ],
    [
      'entrustment revoked earlier',
      {
        actor,
        subject: subject(30),
        relation: 'employer-agent',
        entrustment: { ...entrustment, revokedOn: '2025-10-15' },
        bothIdentityDocuments: true,
        on: ON,
      },
      'ENTRUSTMENT_REVOKED',
    ],
    [
      'employer without both identity documents',
      { actor, subject: subject(30), relation: 'employer-agent', entrustment, on: ON },
      'IDENTITY_DOCUMENTS_MISSING',
    ],
    [
      'guardian of a 16-year-old (birthday today)',
      { actor, subject: subject(16), relation: 'guardian', bothIdentityDocuments: true, on: ON },
      'SUBJECT_CAN_ACT',
    ],
    [
      'parent of an adult',
      { actor, subject: subject(30), relation: 'parent', bothIdentityDocuments: true, on: ON },
      'SUBJECT_CAN_ACT',
    ],
    [
      'child of a 59-year-old who cannot act in person',
      {
        actor,
        subject: subject(60, { unableToActInPerson: true }, false),
        relation: 'child',
        bothIdentityDocuments: true,
        on: ON,
      },
      'SUBJECT_CAN_ACT',
    ],
    [
      'child of a 75-year-old who can act in person',
      { actor, subject: subject(75), relation: 'child', bothIdentityDocuments: true, on: ON },
      'SUBJECT_CAN_ACT',
    ],
    [
      'sibling of a disabled adult who can act in person',
      {
        actor,
        subject: subject(30, { disabled: true, unableToActInPerson: false }),
        relation: 'sibling',
        bothIdentityDocuments: true,
        on: ON,
      },
      'SUBJECT_CAN_ACT',
    ],
    [
      'guardian of a minor without both identity documents',
      { actor, subject: subject(10), relation: 'guardian', bothIdentityDocuments: false, on: ON },
      'IDENTITY_DOCUMENTS_MISSING',
    ],
  ])('%s → %s', (_name, input, code) => {
    const d = mayActFor(input);
    expect(d).toMatchObject({ allowed: false, code });
    if (!d.allowed) expect(d.reason).toMatch(/[\u4e00-\u9fa5]{6,}/);
  });

  test('the adult case explains who may act instead', () => {
    const d = mayActFor({ actor, subject: subject(30), relation: 'parent', bothIdentityDocuments: true, on: ON });
    expect(d).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('当前30周岁，须本人申请或书面委托用人单位'),
    });
  });

  test('bad dates throw INVALID_DATE rather than deciding', () => {
    expect(() =>
      mayActFor({ actor, subject: subject(10), relation: 'guardian', bothIdentityDocuments: true, on: '2025-13-01' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  test('the thresholds are cited data', () => {
    expect(DELEGATION_RULES).toMatchObject({
      minorMaxAgeExclusive: 16,
      elderlyMinAge: 60,
      citation: { doc: 'FAQ2021', clause: '八', verified: true },
    });
  });
});
