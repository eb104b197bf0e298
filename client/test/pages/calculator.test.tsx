import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __reset } from '../__mocks__/taro';
import { Calculator } from '../../src/packages/assess/calculator/Calculator';
import { chooseRadio, totalText, typeInto } from '../helpers';

// A fixed Beijing date stands in for the page edge's clock read. The 2026 cut-off (10-01) has passed, so the page
// estimates for the next round: cut-off 2027-10-01 (FAQ2021 Q5), where ages below are taken. Every expected figure
// is worked out by hand from RULES.md's indicator table: age 18–40 → 30 (R2023 §二(四)); 本科 with degree 50, only
// one of diploma/degree 40; social insurance 0.5 per month.
const TODAY = '2026-11-25';

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
    // 32 on 2027-10-01: 30; 本科 with degree: 50.
    expect(totalText(container)).toBe('80');

    typeInto(container, 'socialInsuranceMonths', '48');
    // + 48 months × 0.5 = 24.
    expect(totalText(container)).toBe('104');
    const row = screen.getByTestId('item-socialInsurance');
    expect(row.textContent).toContain('社会保险');
    expect(row.textContent).toContain('市区缴纳社保48个月，每月0.5分：24分');
    expect(row.textContent).toContain('+24分');

    chooseRadio(container, 'hasDiplomaAndDegree', '只有其一');
    // 本科 holding only the diploma or only the degree: 10 less, 40.
    expect(totalText(container)).toBe('94');

    // The typed profile is kept for the next visit (and the pathway check).
    expect(Taro.getStorageSync('hz.calculator.draft')).toMatchObject({
      socialInsuranceMonths: '48',
      hasDiplomaAndDegree: 'no',
    });
  });

  it('shows Chinese validation messages and scores the rest as not filled', () => {
    seed({ birthDate: '1990-01-15', socialInsuranceMonths: '24' });
    const { container } = render(<Calculator today={TODAY} />);
    typeInto(container, 'volunteerHours', '-5');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('志愿服务时长不能为负数');
    // 37 on 2027-10-01: 30; 24 months × 0.5 = 12.
    expect(totalText(container)).toBe('42');
    expect(screen.getByText('有填写错误的项目按未填写计算')).toBeTruthy();

    typeInto(container, 'socialInsuranceMonths', '12.5');
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(),
    ).toContain('社保缴纳月数必须是整数');

    typeInto(container, 'volunteerHours', '40');
    typeInto(container, 'socialInsuranceMonths', '24');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('marks items resting on unverified rules with text, not colour alone', () => {
    seed({ birthDate: '1995-06-01', education: 'bachelor', socialInsuranceMonths: '48' });
    render(<Calculator today={TODAY} />);
    // Education and social insurance come from public copies of the indicator table (RULES.md, confidence B);
    // age is R2023 §二(四), verified. Each item says so behind its one 说明/依据 link (issue 10), with "⚠" on the link.
    for (const code of ['education', 'socialInsurance', 'age']) {
      const link = within(screen.getByTestId(`item-${code}`)).getByRole('button', { name: /说明\/依据/ });
      expect(link.textContent).toBe(code === 'age' ? '说明/依据' : '⚠ 说明/依据');
      fireEvent.click(link);
    }
    for (const code of ['education', 'socialInsurance']) {
      expect(within(screen.getByTestId(`item-${code}`)).getByText(/未核实（可信度B）/)).toBeTruthy();
    }
    expect(within(screen.getByTestId('item-age')).queryByText(/未核实/)).toBeNull();
    expect(within(screen.getByTestId('item-age')).getByText('✓ 已核对政策原文')).toBeTruthy();
    // The estimate says it once.
    expect(screen.getByText('⚠ 含未核实规则')).toBeTruthy();
  });

  it('keeps the confidence notes behind the links until asked', () => {
    seed({ birthDate: '1995-06-01', education: 'bachelor', socialInsuranceMonths: '48' });
    const { container } = render(<Calculator today={TODAY} />);
    expect(container.textContent).not.toMatch(/可信度/);
    expect(screen.getAllByText('⚠ 含未核实规则')).toHaveLength(1);
  });

  it('shows a veto clearly instead of a score', () => {
    seed({ birthDate: '1990-01-15', socialInsuranceMonths: '120', vetoed: 'yes' });
    const { container } = render(<Calculator today={TODAY} />);
    expect(totalText(container)).toBe('不予积分');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('一票否决');
    // RULES.md: serious crimes (e.g. intentional homicide, robbery, drug trafficking) → no points at all.
    for (const crime of ['犯故意杀人罪', '犯抢劫罪', '犯贩卖毒品罪']) expect(alert.textContent).toContain(crime);
    expect(alert.textContent).toContain('不予积分');
    expect(screen.queryByText('提分规划')).toBeNull();
  });

  it('plans the way to 100 points', () => {
    seed({
      birthDate: '1996-03-01',
      education: 'junior-college',
      socialInsuranceMonths: '24',
      residenceRegistrationYears: '2',
      rentalYears: '2',
      ownHome: 'no',
    });
    render(<Calculator today={TODAY} />);
    expect(screen.getByText('提分规划')).toBeTruthy();
    expect(screen.getByText('加分最多的做法（下一截止日）')).toBeTruthy();
    expect(screen.getAllByText(/^\+\d+(\.\d)?分$/).length).toBeGreaterThan(0);
  });
});
