// The demo seed: every persona of docs/CONTRACTS.md, valid (fake) identities, an open round, idempotent.
import { DEPARTMENT_CODES, parseIdNumber, roundDates } from '@hz-points/shared';
import { DEMO_PERSONAS, seedDemo } from '../../src/demo/seed';
import { verifyAuditChain } from '../../src/audit';
import { createTestCloud, snapshot } from '../helpers/runtime';

test('personas, identities, roles, delegations and the current round', async () => {
  const cloud = createTestCloud('2026-03-02T02:00:00.000Z');
  try {
    expect(await seedDemo(cloud.runtime)).toBe(true);
    const openids = DEMO_PERSONAS.map((p) => p.openid);
    expect(openids).toEqual(
      expect.arrayContaining([
        'demo-applicant',
        'demo-agent',
        'demo-employee',
        'demo-guardian',
        'demo-district-office',
        'demo-admin',
        ...DEPARTMENT_CODES.map((d) => `demo-reviewer-${d}`),
      ]),
    );
    for (const p of DEMO_PERSONAS) {
      expect(p.displayName).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.canDo).toMatch(/[\u4e00-\u9fa5]/);
      const me = await cloud.ok(p.openid, 'accounts', 'me', {});
      if (p.role === 'reviewer') expect(me).toMatchObject({ roles: ['reviewer'], department: p.department });
      if (p.role === 'district-office' || p.role === 'admin') expect(me.roles).toEqual([p.role]);
      if (me.person) {
        expect(parseIdNumber(me.person.idNumber).valid).toBe(true);
        expect(me.person.phone).toMatch(/^1380000000\d$/);
      }
    }
    const persons = await cloud.store.find<any>('persons', {});
    expect(persons.every((p) => parseIdNumber(p.idNumber).valid)).toBe(true);
    // The agent acts for the employee; the guardian for the minor and the elderly parent, none of them with WeChat.
    const agent = await cloud.ok('demo-agent', 'accounts', 'listSubjects', {});
    expect(agent.subjects.filter((s: any) => s.kind === 'employee' && s.allowed)).toHaveLength(1);
    const guardian = await cloud.ok('demo-guardian', 'accounts', 'listSubjects', {});
    expect(guardian.subjects.filter((s: any) => s.kind === 'dependent' && s.allowed && !s.hasWeChat)).toHaveLength(2);
    const round = await cloud.store.get<any>('rounds', 'round-2026');
    expect(round).toMatchObject({ year: 2026, status: 'open', cutoffDate: roundDates(2026).cutoffDate });
    expect((await verifyAuditChain(cloud.store)).ok).toBe(true);

    const before = await snapshot(cloud.store);
    expect(await seedDemo(cloud.runtime)).toBe(false);
    expect(await snapshot(cloud.store)).toBe(before);
  } finally {
    await cloud.close();
  }
});
