// The one ID-number field. Two defects it ends: a number pasted with a leading space lost its last digit (the old
// field cut the raw text at 18 characters), and a birth date in the future was accepted. Numbers are literals
// (GB 11643 check characters worked out by hand from the standard's weights).
import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import { useFormErrors } from '../../src/components/Form';
import { IdNumberField, idNumberError, normaliseIdNumber } from '../../src/components/IdNumberField';
import { ONLY_DATE } from '../pages/clock';

const VALID = '330106199503150010';
/** Born 2030-01-01, with a correct check character: valid in every respect but the date. */
const FUTURE = '330106203001010017';

afterEach(() => jest.useRealTimers());

test('pasting a number that starts with a space keeps all 18 characters', async () => {
  let value = '';
  function Harness() {
    const form = useFormErrors();
    const [v, setV] = useState('');
    value = v;
    return (
      <IdNumberField
        form={form}
        name="idNumber"
        label="员工身份证号码"
        aria-label="员工身份证号码"
        value={v}
        onChange={setV}
      />
    );
  }
  const { container } = render(<Harness />);
  // The field lets the raw paste in whole (the old maxLength of 18 cut " 33010619950315001" + "0").
  const input = await screen.findByRole('textbox', { name: '员工身份证号码' });
  expect(Number(input.getAttribute('maxlength'))).toBeGreaterThan(19);
  const core = container.querySelector('taro-input-core')!;
  act(() => void core.dispatchEvent(new CustomEvent('input', { detail: { value: ` ${VALID}` }, bubbles: true })));
  expect(value).toBe(VALID);
  act(
    () =>
      void core.dispatchEvent(
        new CustomEvent('input', { detail: { value: '\u3000３３０１０６ 19950315 001x ' }, bubbles: true }),
      ),
  );
  expect(value).toBe('33010619950315001X');
});

test('cleaning: spaces anywhere, full-width digits, lower-case x', () => {
  expect(normaliseIdNumber(` ${VALID}`)).toBe(VALID);
  expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
  expect(normaliseIdNumber('３３０１０６ １９９５０３１５ ００１０')).toBe(VALID);
});

test('a birth date after today is refused, on the day the clock says', () => {
  jest.useFakeTimers({ now: new Date('2026-03-02T12:00:00+08:00'), doNotFake: ONLY_DATE });
  expect(idNumberError(FUTURE)).toBe('身份证号码中的出生日期晚于当前日期');
  expect(idNumberError(VALID)).toBeNull();
  expect(idNumberError(` ${VALID}`)).toBeNull();
  // Structure and check character (GB 11643): the last digit changed.
  expect(idNumberError('330106199503150011')).toBe('身份证号码校验位不正确，请核对');
  expect(idNumberError('33010619950315001')).toBe('身份证号码应为18位');
  expect(idNumberError('990106199503150010')).toBe('身份证号码的行政区划代码无效');
  // On 2030-01-01 itself the same person has been born.
  expect(idNumberError(FUTURE, '2030-01-01')).toBeNull();
});
