// The application form's income-tax claim asks for the taxpayer type (纳税人身份), with the profile field's own labels,
// so a 个体工商户/个人投资者 claim reaches review (and scoring) with its type. Expected values are literals.
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ClaimFields } from '../../src/packages/apply/common/ClaimFields';
import {
  claimFormFromValue,
  describeValue,
  emptyClaimForm,
  toClaimValue,
  type ClaimForm,
} from '../../src/packages/apply/common/claims';

test('the form converts the taxpayer type into the claim value, and an older claim without it still reads', () => {
  expect(emptyClaimForm('incomeTax')).toEqual({ incomeTaxYuan: '', taxpayerType: 'individual' });
  expect(toClaimValue('incomeTax', { incomeTaxYuan: '10000', taxpayerType: 'business-owner' })).toEqual({
    ok: true,
    value: { incomeTaxYuan: 10000, taxpayerType: 'business-owner' },
  });
  expect(claimFormFromValue('incomeTax', { incomeTaxYuan: 10000 })).toEqual({
    incomeTaxYuan: '10000',
    taxpayerType: 'individual',
  });
  expect(describeValue('incomeTax', { incomeTaxYuan: 10000, taxpayerType: 'business-owner' })).toBe(
    '个人所得税金额：10000元，纳税人身份：个体工商户、个人投资者',
  );
});

test('the income-tax claim fields offer the taxpayer type; choosing 个体工商户 updates the claim form', () => {
  let latest: ClaimForm = {};
  function Harness() {
    const [form, setForm] = useState<ClaimForm>(emptyClaimForm('incomeTax'));
    latest = form;
    return <ClaimFields code="incomeTax" form={form} onChange={setForm} />;
  }
  render(<Harness />);
  expect(screen.getByText('纳税人身份')).toBeTruthy();
  expect(screen.getByText('个人（工资薪金、劳务报酬等）')).toBeTruthy();
  fireEvent.click(screen.getByText('个体工商户、个人投资者'));
  expect(latest).toEqual({ incomeTaxYuan: '', taxpayerType: 'business-owner' });
});
