// Settlement applications and the published list use the points that stand on the day — the application's points
// after an objection answer and the current certificate's status — not a copy frozen when the person applied.
// Everything is driven through the real actions (invoke) on the 2025 round, on SQLite and on the CloudBase stand-in.
//
// Expected totals are the policy's numbers written out: age 18–40 → 30 (R2023 §二(四)); 本科 with degree 50, 硕士 70;
// social insurance 0.5 a month; rental 6 a year (cap 30) (public copies of the indicator table, RULES.md).
import { COLLECTIONS } from '../../src/core/collections';
import { snapshot, type StoreKind, type TestCloud } from '../helpers/runtime';
import {
  answerObjection,
  fileObjection,
  LAST_OBJECTION_DAY,
  peopleWithCertificates,
  publish,
  settle,
  standing,
  yearCloud,
  type Profile,
} from './through-actions';

/** 30 + 50 + 60 months × 0.5 = 110. */
const AT_110: Profile = {
  education: 'bachelor',
  socialInsuranceMonths: 60,
  residenceRegistrationYears: 0,
  rentalYears: 0,
};
/** 30 + 70 + 120 × 0.5 + 4 × 6 = 184 (190 with a fifth rental year). */
const AT_184: Profile = {
  education: 'master',
  socialInsuranceMonths: 120,
  residenceRegistrationYears: 0,
  rentalYears: 4,
};
/** 30 + 70 + 116 × 0.5 + 5 × 6 = 188. */
const AT_188: Profile = {
  education: 'master',
  socialInsuranceMonths: 116,
  residenceRegistrationYears: 0,
  rentalYears: 5,
};
/** 30 + 70 + 112 × 0.5 + 5 × 6 = 186. */
const AT_186: Profile = {
  education: 'master',
  socialInsuranceMonths: 112,
  residenceRegistrationYears: 0,
  rentalYears: 5,
};
/** 30 + 70 + 40 × 0.5 = 120. */
const AT_120: Profile = {
  education: 'master',
  socialInsuranceMonths: 40,
  residenceRegistrationYears: 0,
  rentalYears: 0,
};

const LIST_COLLECTIONS = ['rounds', COLLECTIONS.roundLists, COLLECTIONS.roundLookup, 'audit'];
const SETTLEMENT_COLLECTIONS = [COLLECTIONS.settlements, COLLECTIONS.settlementKeys, COLLECTIONS.outbox, 'audit'];

describe.each<StoreKind>(['sqlite', 'cloudbase'])('on %s', (store) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = await yearCloud(store);
  });
  afterEach(() => cloud.close());

  describe('publication re-reads what changed after the person applied', () => {
    test('lowered from 110 to 30 by an objection answered after applying: not admitted at a 100 line', async () => {
      const [low] = await peopleWithCertificates(cloud, [{ openid: 'lowered', profile: AT_110 }]);
      // Its last objection day: printed at 09:00, applied at 10:00, objected at 11:00 (all allowed that day).
      expect((await settle(cloud, low!, `${LAST_OBJECTION_DAY}T10:00:00`)).ok).toBe(true);
      const objectionId = await fileObjection(
        cloud,
        low!,
        ['education', 'socialInsurance'],
        `${LAST_OBJECTION_DAY}T11:00:00`,
      );
      const answered = await answerObjection(
        cloud,
        objectionId,
        [
          { indicator: 'education', acceptedValue: null },
          { indicator: 'socialInsurance', acceptedValue: null },
        ],
        '2025-11-14T10:00:00',
      );
      expect(answered.application.points.total).toBe(30);
      const mine = await cloud.ok(low!.openid, 'settlement', 'get', { year: 2025 });
      expect(mine.settlement).toMatchObject({ total: 110, currentTotal: 30 });

      const published = await publish(cloud, { mode: 'threshold', threshold: 100 });
      expect(published).toMatchObject({
        ok: true,
        data: { admittedCount: 0, rankedCount: 0, ineligibleCount: 1, rescoredCount: 1 },
      });
      expect(await standing(cloud, low!)).toMatchObject({
        rank: null,
        total: 30,
        admitted: false,
        reason: '积分未达到100分',
      });
    });

    test('raised from 184 to 190 after applying: ranked at 190, ahead of 188 and 186', async () => {
      const [raised, a188, a186] = await peopleWithCertificates(cloud, [
        { openid: 'raised', profile: AT_184 },
        { openid: 'at-188', profile: AT_188 },
        { openid: 'at-186', profile: AT_186 },
      ]);
      expect((await settle(cloud, raised!, `${LAST_OBJECTION_DAY}T10:00:00`)).ok).toBe(true);
      const objectionId = await fileObjection(cloud, raised!, ['rental'], `${LAST_OBJECTION_DAY}T11:00:00`);
      expect((await settle(cloud, a188!, '2025-11-13T10:00:00')).ok).toBe(true);
      expect((await settle(cloud, a186!, '2025-11-13T10:05:00')).ok).toBe(true);
      const answered = await answerObjection(
        cloud,
        objectionId,
        [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
        '2025-11-14T10:00:00',
      );
      expect(answered.application.points.total).toBe(190);

      const published = await publish(cloud, { mode: 'quota', quota: 2 });
      expect(published).toMatchObject({ ok: true, data: { admittedCount: 2, rankedCount: 3, line: 188 } });
      expect(await standing(cloud, raised!)).toMatchObject({ rank: 1, total: 190, admitted: true });
      expect(await standing(cloud, a188!)).toMatchObject({ rank: 2, total: 188, admitted: true });
      expect(await standing(cloud, a186!)).toMatchObject({
        rank: 3,
        total: 186,
        admitted: false,
        reason: '未进入当年积分落户指标名额',
      });
    });

    test('certificate revoked after applying: not admitted, the reason recorded on their line', async () => {
      const [revoked, other] = await peopleWithCertificates(cloud, [
        { openid: 'revoked', profile: AT_120 },
        { openid: 'other', profile: AT_120 },
      ]);
      expect((await settle(cloud, revoked!, '2025-11-13T10:00:00')).ok).toBe(true);
      expect((await settle(cloud, other!, '2025-11-13T10:05:00')).ok).toBe(true);
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: revoked!.serial, reason: '提供虚假材料' });

      const published = await publish(cloud, { mode: 'threshold', threshold: 100 });
      expect(published).toMatchObject({
        ok: true,
        data: { admittedCount: 1, rankedCount: 1, ineligibleCount: 1, revokedCount: 1 },
      });
      expect(await standing(cloud, revoked!)).toMatchObject({
        rank: null,
        total: 120,
        admitted: false,
        reason: '积分有效凭证已被撤销（提供虚假材料）',
      });
      expect(await standing(cloud, other!)).toMatchObject({ rank: 1, total: 120, admitted: true });
      // The public list holds the admitted only.
      const list = await cloud.ok('other', 'rounds', 'results', { year: 2025 });
      expect(list.rows).toHaveLength(1);
      expect(list.rows[0]).toMatchObject({ own: true, total: 120 });
    });

    test('an objection still open holds the publication (nothing written) until it is answered', async () => {
      const [waiting] = await peopleWithCertificates(cloud, [{ openid: 'waiting', profile: AT_120 }]);
      expect((await settle(cloud, waiting!, `${LAST_OBJECTION_DAY}T10:00:00`)).ok).toBe(true);
      const objectionId = await fileObjection(cloud, waiting!, ['socialInsurance'], `${LAST_OBJECTION_DAY}T11:00:00`);

      cloud.setNow('2025-12-05T02:00:00.000Z');
      await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 100 });
      const before = await snapshot(cloud.store, LIST_COLLECTIONS);
      const held = await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(held).toMatchObject({
        ok: false,
        error: { code: 'OBJECTIONS_PENDING', message: expect.stringContaining('1名') },
      });
      expect(await snapshot(cloud.store, LIST_COLLECTIONS)).toBe(before);

      // 40 more months accepted: 30 + 70 + 80 × 0.5 = 140.
      await answerObjection(
        cloud,
        objectionId,
        [{ indicator: 'socialInsurance', acceptedValue: { socialInsuranceMonths: 80 } }],
        '2025-12-08T10:00:00',
      );
      expect(await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
        ok: true,
        data: { admittedCount: 1 },
      });
      expect(await standing(cloud, waiting!)).toMatchObject({ rank: 1, total: 140, admitted: true });
    });
  });

  describe('the settlement application checks the points and the certificate standing that day', () => {
    test('refused while the objection is open (nothing written); accepted once it is answered', async () => {
      const [p] = await peopleWithCertificates(cloud, [{ openid: 'objecting', profile: AT_110 }]);
      const objectionId = await fileObjection(cloud, p!, ['socialInsurance'], `${LAST_OBJECTION_DAY}T10:00:00`);
      const before = await snapshot(cloud.store, SETTLEMENT_COLLECTIONS);
      const refused = await settle(cloud, p!, `${LAST_OBJECTION_DAY}T11:00:00`);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'POINTS_NOT_FINAL', message: expect.stringContaining('异议') },
      });
      expect(await snapshot(cloud.store, SETTLEMENT_COLLECTIONS)).toBe(before);

      await answerObjection(
        cloud,
        objectionId,
        [{ indicator: 'socialInsurance', acceptedValue: { socialInsuranceMonths: 60 } }],
        '2025-11-14T10:00:00',
      );
      const accepted = await settle(cloud, p!, '2025-11-17T10:00:00');
      expect(accepted).toMatchObject({ ok: true, data: { settlement: { total: 110 } } });
    });

    test('lowered to 30 before applying, the certificate printed at 110 still active: refused, under 100 points', async () => {
      const [p] = await peopleWithCertificates(cloud, [{ openid: 'lowered-early', profile: AT_110 }]);
      const objectionId = await fileObjection(
        cloud,
        p!,
        ['education', 'socialInsurance'],
        `${LAST_OBJECTION_DAY}T10:00:00`,
      );
      await answerObjection(
        cloud,
        objectionId,
        [
          { indicator: 'education', acceptedValue: null },
          { indicator: 'socialInsurance', acceptedValue: null },
        ],
        '2025-11-14T10:00:00',
      );
      const certs = await cloud.ok(p!.openid, 'certificates', 'list', {});
      expect(certs.certificates).toEqual([
        expect.objectContaining({
          serial: p!.serial,
          status: 'active',
          content: expect.objectContaining({ total: 110 }),
        }),
      ]);
      const before = await snapshot(cloud.store, SETTLEMENT_COLLECTIONS);
      const refused = await settle(cloud, p!, '2025-11-17T10:00:00');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'SETTLEMENT_NOT_ELIGIBLE', message: expect.stringContaining('100分') },
      });
      expect(await snapshot(cloud.store, SETTLEMENT_COLLECTIONS)).toBe(before);
    });

    test('raised to 190 before applying, the certificate still saying 184: applied with 190', async () => {
      const [p] = await peopleWithCertificates(cloud, [{ openid: 'raised-early', profile: AT_184 }]);
      const objectionId = await fileObjection(cloud, p!, ['rental'], `${LAST_OBJECTION_DAY}T10:00:00`);
      await answerObjection(
        cloud,
        objectionId,
        [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
        '2025-11-14T10:00:00',
      );
      const accepted = await settle(cloud, p!, '2025-11-17T10:00:00');
      expect(accepted).toMatchObject({ ok: true, data: { settlement: { total: 190, certificateSerial: p!.serial } } });
    });

    test('a revoked certificate: refused with CERTIFICATE_REVOKED and the reason, nothing written', async () => {
      const [p] = await peopleWithCertificates(cloud, [{ openid: 'revoked-early', profile: AT_120 }]);
      cloud.setNow('2025-11-13T02:00:00.000Z');
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: p!.serial, reason: '提供虚假材料' });
      const before = await snapshot(cloud.store, SETTLEMENT_COLLECTIONS);
      const refused = await settle(cloud, p!, '2025-11-17T10:00:00');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'CERTIFICATE_REVOKED', message: expect.stringContaining('提供虚假材料') },
      });
      expect(await snapshot(cloud.store, SETTLEMENT_COLLECTIONS)).toBe(before);
    });
  });
});
