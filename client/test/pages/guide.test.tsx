import { fireEvent, render, screen, within } from '@testing-library/react';
import { YEARLY_TIMELINE } from '@hz-points/shared';
import { GUIDE_FAQ, guideIndicators } from '@hz-points/shared/guide';
import { __reset } from '../__mocks__/taro';
import { Guide } from '../../src/packages/guide/index/Guide';
import { nextCutoff } from '../../src/lib/rounds';

const TODAY = '2026-11-25';
beforeEach(() => __reset());

describe('办事指南', () => {
  it('lists the materials of every indicator in force, unverified ones marked', () => {
    render(<Guide today={TODAY} />);
    const rows = guideIndicators(nextCutoff(TODAY));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const card = screen.getByTestId(`guide-${r.code}`);
      expect(card.textContent).toContain(r.label);
      expect(card.textContent).toContain(r.departmentName);
      for (const ev of r.evidence) expect(card.textContent).toContain(ev);
      if (r.verified) expect(within(card).queryByText(/未核实/)).toBeNull();
      else expect(within(card).getByText(/未核实/)).toBeTruthy();
    }
  });

  it('shows the yearly timeline with citations, and the FAQ', () => {
    render(<Guide today={TODAY} />);
    fireEvent.click(screen.getByRole('tab', { name: '办理时间' }));
    for (const s of YEARLY_TIMELINE) {
      const step = screen.getByTestId(`step-${s.key}`);
      expect(step.textContent).toContain(s.title);
      expect(step.textContent).toContain('依据：');
    }
    expect(screen.getByText(/2027年度时间安排/)).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '常见问题' }));
    for (const f of GUIDE_FAQ) expect(screen.getByText(f.question)).toBeTruthy();
  });
});
