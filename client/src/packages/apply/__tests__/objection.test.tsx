// The objection page's rules: open only from the result day to the 7th working day after it (24:00 Beijing),
// closed state explained in words, the answer shown when it comes; nothing is sent for an empty selection.
import { fireEvent, render, screen } from '@testing-library/react';
import { beijingStartOfDay, isWorkday, objectionDeadline } from '@hz-points/shared';
import { __cloudCalls, __reset } from '../../../../test/__mocks__/taro';
import { ObjectionView } from '../objection';
import { objectionWindow } from '../objection/window';
import type { Application, GetApplicationResult, Item, Objection } from '../common/types';

const RESULT_ON = '2026-03-30';
const DEADLINE = objectionDeadline(RESULT_ON);
const noon = (date: string) => new Date(beijingStartOfDay(date).getTime() + 12 * 3_600_000);
const dayAfter = (date: string) => new Date(beijingStartOfDay(date).getTime() + 24 * 3_600_000);

const app: Application = {
  applicationId: 'app-2026-p1',
  personId: 'p1',
  year: 2026,
  status: 'scored',
  claims: [],
  acceptedOn: '2026-03-02',
  resultDate: RESULT_ON,
  resultOn: RESULT_ON,
  objectionDeadline: DEADLINE,
  points: { total: 148 },
  published: true,
};
const items: Item[] = [
  { itemId: 'i1', indicator: 'rental', department: 'housing', status: 'approved', claimed: { rentalYears: 4 }, acceptedValue: { rentalYears: 4 } },
];
const data = (over: Partial<GetApplicationResult> = {}): GetApplicationResult => ({ application: app, items, objection: null, ...over });

beforeEach(() => __reset());

describe('objectionWindow', () => {
  test('open on the result day and on the last day until 24:00 Beijing, closed from the next midnight', () => {
    expect(objectionWindow(app, null, noon(RESULT_ON))).toEqual({ state: 'open', lastDay: DEADLINE });
    expect(objectionWindow(app, null, new Date(dayAfter(DEADLINE).getTime() - 1))).toEqual({ state: 'open', lastDay: DEADLINE });
    expect(objectionWindow(app, null, dayAfter(DEADLINE))).toEqual({ state: 'closed', lastDay: DEADLINE });
  });

  test('not open before the result is published', () => {
    expect(objectionWindow({ ...app, status: 'reviewing', published: false, resultOn: null }, null, noon('2026-03-10'))).toEqual({
      state: 'not-published',
    });
  });
});

describe('ObjectionView', () => {
  test('outside the window: explains that silence confirmed the score and offers no submit', () => {
    render(<ObjectionView data={data()} now={noon('2026-05-06')} onFiled={() => undefined} />);
    expect(screen.getByText('异议期已结束')).toBeTruthy();
    expect(screen.getByText(/逾期未提出视为确认积分分值/)).toBeTruthy();
    expect(screen.getByLabelText('已截止')).toBeTruthy();
    expect(screen.queryByText('提交异议')).toBeNull();
  });

  test('inside the window: the deadline as a working-day countdown, and no call without a chosen item', () => {
    const now = noon(RESULT_ON);
    render(<ObjectionView data={data()} now={now} onFiled={() => undefined} />);
    // The countdown counts the working days from today to the deadline, both included.
    let left = 0;
    for (let t = beijingStartOfDay(RESULT_ON).getTime(); t <= beijingStartOfDay(DEADLINE).getTime(); t += 86_400_000) {
      if (isWorkday(new Date(t + 8 * 3_600_000).toISOString().slice(0, 10))) left += 1;
    }
    expect(screen.getByText(new RegExp(`还剩${left}个工作日`))).toBeTruthy();
    fireEvent.click(screen.getByText('提交异议'));
    expect(screen.getByRole('alert').textContent).toContain('请选择有异议的指标');
    expect(__cloudCalls()).toHaveLength(0);
  });

  test('answered: the reply and the change of points are shown', () => {
    const objection: Objection = {
      objectionId: 'obj-1',
      applicationId: app.applicationId,
      indicators: ['rental'],
      reason: '租赁满5年',
      status: 'answered',
      filedOn: RESULT_ON,
      answerDeadline: '2026-04-21',
      reply: '经核实予以调整',
      answeredAt: '2026-03-31T02:00:00.000Z',
      pointsBefore: 148,
      pointsAfter: 154,
    };
    render(<ObjectionView data={data({ objection })} now={noon('2026-04-01')} onFiled={() => undefined} />);
    expect(screen.getByText('经核实予以调整')).toBeTruthy();
    expect(screen.getByText('由148分调整为154分')).toBeTruthy();
    expect(screen.getByLabelText('已答复')).toBeTruthy();
  });
});
