// The objection window's rule: open only from the result day to the 7th working day after it (24:00 Beijing), not
// before the result is published. The page around it is tested whole in test/pages/objection.test.tsx.
import { objectionWindow } from '../objection/window';
import {
  DEADLINE,
  RESULT_ON,
  anObjection,
  dayAfter,
  noon,
  scoredApplication as app,
} from '../../../../test/fixtures/applications';

describe('objectionWindow', () => {
  test('open on the result day and on the last day until 24:00 Beijing, closed from the next midnight', () => {
    expect(objectionWindow(app, null, noon(RESULT_ON))).toEqual({ state: 'open', lastDay: DEADLINE });
    expect(objectionWindow(app, null, new Date(dayAfter(DEADLINE).getTime() - 1))).toEqual({
      state: 'open',
      lastDay: DEADLINE,
    });
    expect(objectionWindow(app, null, dayAfter(DEADLINE))).toEqual({ state: 'closed', lastDay: DEADLINE });
  });

  test('not open before the result is published', () => {
    expect(
      objectionWindow({ ...app, status: 'reviewing', published: false, resultOn: null }, null, noon('2026-03-10')),
    ).toEqual({
      state: 'not-published',
    });
  });

  test('once filed, the window reports the objection whatever the date', () => {
    const objection = anObjection({
      objectionId: 'o1',
      applicationId: app.applicationId,
      indicators: ['rental'],
      reason: '租赁满5年',
      status: 'open',
    });
    expect(objectionWindow(app, objection, dayAfter(DEADLINE))).toEqual({ state: 'filed', objection });
  });
});
