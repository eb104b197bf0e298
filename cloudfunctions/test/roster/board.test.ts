// The board's stages through real actions (the shared world: the agent's employee has a 2025 application whose
// education item the department returned, and a 2026 draft), and that an agent never sees another agent's people.
import { rmSync } from 'fs';
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { buildWorld, bj } from '../helpers/world';

let templateDir: string;
beforeAll(async () => {
  const c = createTestCloud(bj('2025-09-26'));
  await buildWorld(c);
  await c.close(true);
  templateDir = c.dir;
}, 120_000);
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

let cloud: TestCloud;
beforeEach(() => {
  cloud = createTestCloud(bj('2025-09-28'), { copyFrom: templateDir });
});
afterEach(() => cloud.close());

test('a returned item shows with the department reason and the supplement deadline, for the agent to act on', async () => {
  const before = await snapshot(cloud.store);
  const board = await cloud.ok('demo-agent', 'roster', 'board', {});
  expect(board.year).toBe(2025);
  expect(board.rows).toHaveLength(1);
  expect(board.rows[0]).toMatchObject({
    personId: DEMO_PERSON_IDS.employee,
    name: '演示员工',
    entrustment: 'active',
    onRoster: false,
    stage: 'returned',
    stageLabel: '已退回待补正',
    actor: 'agent',
    // Accepted 2025-09-26; +20 working days on the 2025 schedule (National Day 10-01…10-08, make-up days 09-28, 10-11).
    next: '在2025年10月30日前补正退回的材料',
    returned: [{ indicator: 'education', label: '文化程度', reason: '请补充学历证明' }],
    points: null,
  });
  expect(board.counts).toEqual({ all: 1, agent: 1, employee: 0, waiting: 0, done: 0 });
  // A read: nothing written.
  expect(await snapshot(cloud.store)).toBe(before);
});

test('the 2026 draft: the agent submits it person by person', async () => {
  const board = await cloud.ok('demo-agent', 'roster', 'board', { year: 2026 });
  expect(board.rows.map((r: any) => [r.stage, r.actor, r.next])).toEqual([
    ['draft', 'agent', '核对材料后逐人提交申请（每份申请单独作出承诺）'],
  ]);
});

test("an agent whose entrustment is still pending sees the employee's confirmation as the next step, and nothing of the application", async () => {
  const board = await cloud.ok('agent-pending', 'roster', 'board', {});
  expect(board.rows).toHaveLength(1);
  expect(board.rows[0]).toMatchObject({
    stage: 'entrustment-pending',
    actor: 'employee',
    applicationId: null,
    returned: [],
  });
  // A revoked entrustment: the employee is gone from that agent's board.
  expect((await cloud.ok('agent-revoked', 'roster', 'board', {})).rows).toEqual([]);
});
