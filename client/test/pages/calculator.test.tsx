import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { scorePoints, type ProfileInput } from '@hz-points/shared';
import { __reset } from '../__mocks__/taro';
import { Calculator } from '../../src/packages/assess/calculator/Calculator';
import { nextCutoff } from '../../src/packages/assess/calculator/draft';
import { chooseRadio, totalText, typeInto } from '../helpers';

// A fixed Beijing date stands in for the page edge's clock read.
const TODAY = '2026-11-25';
const CUTOFF = nextCutoff(TODAY);

/** The rules package is the oracle: the page must show exactly what it computes for the same profile. */
const expected = (p: ProfileInput) => scorePoints(p, { cutoffDate: CUTOFF });

function seed(draft: Record<string, unknown>) {
  Taro.setStorageSync('hz.calculator.draft', draft);
}

beforeEach(() => __reset());

describe('积分测算', () => {
  it('asks for a birth date before estimating, without shouting an error', () => {
    const { container } = render(<Calculator today={TODAY} />);
    expect(screen.getByText('请先选择出生日期')).toBeTruthy();
    expect(totalText(container)).toBeNull();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('updates the total and the items as fields change', () => {
    seed({ birthDate: '1995-06-01', education: 'bachelor' });
    const { container } = render(<Calculator today={TODAY} />);
    const base: ProfileInput = { birthDate: '1995-06-01', education: 'bachelor', hasDiplomaAndDegree: true };
    expect(totalText(container)).toBe(String(expected(base).total));

    typeInto(container, 'socialInsuranceMonths', '48');
    const withInsurance = expected({ ...base, socialInsuranceMonths: 48 });
    expect(totalText(container)).toBe(String(withInsurance.total));
    const insurance = withInsurance.items.find((i) => i.code === 'socialInsurance')!;
    expect(insurance.points).toBeGreaterThan(0);
    const row = screen.getByTestId('item-socialInsurance');
    expect(row.textContent).toContain(insurance.label);
    expect(row.textContent).toContain(insurance.explanation);
    expect(row.textContent).toContain(`+${insurance.points}分`);

    chooseRadio(container, 'hasDiplomaAndDegree', '只有其一');
    const partial = expected({ ...base, socialInsuranceMonths: 48, hasDiplomaAndDegree: false });
    expect(totalText(container)).toBe(String(partial.total));
    expect(partial.total).toBeLessThan(withInsurance.total!);

    // The typed profile is kept for the next visit (and the pathway check).
    expect(Taro.getStorageSync('hz.calculator.draft')).toMatchObject({ socialInsuranceMonths: '48', hasDiplomaAndDegree: 'no' });
  });

  it('shows Chinese validation messages and scores the rest as not filled', () => {
    seed({ birthDate: '1990-01-15', socialInsuranceMonths: '24' });
    const { container } = render(<Calculator today={TODAY} />);
    typeInto(container, 'volunteerHours', '-5');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('志愿服务时长不能为负数');
    expect(totalText(container)).toBe(String(expected({ birthDate: '1990-01-15', socialInsuranceMonths: 24 }).total));
    expect(screen.getByText('有填写错误的项目按未填写计算')).toBeTruthy();

    typeInto(container, 'socialInsuranceMonths', '12.5');
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join()).toContain('社保缴纳月数必须是整数');

    typeInto(container, 'volunteerHours', '40');
    typeInto(container, 'socialInsuranceMonths', '24');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('marks items resting on unverified rules with text, not colour alone', () => {
    seed({ birthDate: '1995-06-01', education: 'bachelor', socialInsuranceMonths: '48' });
    render(<Calculator today={TODAY} />);
    const result = expected({ birthDate: '1995-06-01', education: 'bachelor', socialInsuranceMonths: 48 });
    const unverified = result.items.filter((i) => i.points !== 0 && !i.verified);
    const verified = result.items.filter((i) => i.points !== 0 && i.verified);
    expect(unverified.length).toBeGreaterThan(0);
    for (const item of unverified) {
      const row = screen.getByTestId(`item-${item.code}`);
      expect(within(row).getByText(/未核实/)).toBeTruthy();
    }
    for (const item of verified) {
      expect(within(screen.getByTestId(`item-${item.code}`)).queryByText(/未核实/)).toBeNull();
    }
    expect(screen.getByText('⚠ 含未核实规则')).toBeTruthy();
  });

  it('shows a veto clearly instead of a score', () => {
    seed({ birthDate: '1990-01-15', socialInsuranceMonths: '120', vetoed: 'yes' });
    const { container } = render(<Calculator today={TODAY} />);
    expect(totalText(container)).toBe('不予积分');
    const veto = expected({ birthDate: '1990-01-15', records: { vetoed: true } }).veto!;
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('一票否决');
    expect(alert.textContent).toContain(veto.reason);
    expect(screen.queryByText('提分规划')).toBeNull();
  });

  it('plans the way to 100 points', () => {
    seed({ birthDate: '1996-03-01', education: 'junior-college', socialInsuranceMonths: '24', residenceRegistrationYears: '2', rentalYears: '2', ownHome: 'no' });
    render(<Calculator today={TODAY} />);
    expect(screen.getByText('提分规划')).toBeTruthy();
    expect(screen.getByText('加分最多的做法（下一截止日）')).toBeTruthy();
    expect(screen.getAllByText(/^\+\d+(\.\d)?分$/).length).toBeGreaterThan(0);
  });
});
