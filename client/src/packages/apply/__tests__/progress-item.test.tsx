// A returned item shows its reason (text, not only colour) and, while the supplement window is open, a button
// to supplement it; once the window has closed it says the item scores 0.
import { fireEvent, render, screen } from '@testing-library/react';
import { ItemCard } from '../progress/ItemCard';
import { anItem } from '../../../../test/fixtures/applications';

const returned = anItem({
  itemId: 'app-2026-p1-rental',
  indicator: 'rental',
  department: 'housing',
  status: 'returned',
  claimed: { rentalYears: 4 },
  returnReason: '租赁合同未备案，请补充租赁备案证明',
});

test('a returned item shows its reason and a supplement button that opens the supplement', () => {
  const onSupplement = jest.fn();
  render(<ItemCard item={returned} canSupplement onSupplement={onSupplement} />);
  expect(screen.getByText('退回原因：租赁合同未备案，请补充租赁备案证明')).toBeTruthy();
  expect(screen.getByLabelText('状态：退回').textContent).toContain('退回');
  expect(screen.getByText('申报内容：合法租赁年数：4年')).toBeTruthy();
  fireEvent.click(screen.getByText('补充材料'));
  expect(onSupplement).toHaveBeenCalledWith(returned);
});

test('after the result date a returned item cannot be supplemented and scores 0', () => {
  render(<ItemCard item={returned} canSupplement={false} />);
  expect(screen.queryByText('补充材料')).toBeNull();
  expect(screen.getByText('补充期限已过，该项按0分计。')).toBeTruthy();
});

test('statuses read as words: 审核完成 and 审核中', () => {
  const { rerender } = render(
    <ItemCard item={{ ...returned, status: 'approved', acceptedValue: { rentalYears: 4 } }} canSupplement />,
  );
  expect(screen.getByLabelText('状态：审核完成')).toBeTruthy();
  rerender(<ItemCard item={{ ...returned, status: 'pending' }} canSupplement />);
  expect(screen.getByLabelText('状态：审核中')).toBeTruthy();
  expect(screen.queryByText(/退回原因/)).toBeNull();
});
