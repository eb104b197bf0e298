// The form wrappers give every control an accessible name in H5: radios become role=radio with aria-checked that
// follows the choice, checkboxes role=checkbox, and Input / TextArea hand the name to the real <input> through
// Taro's nativeProps (not to the wrapper element, which would make two matches for one field).
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { Checkbox, Input, InputNumber, Radio, TextArea } from '../../src/components/Form';

function Choice() {
  const [v, setV] = useState('a');
  return (
    <Radio.Group value={v} onChange={(x) => setV(String(x))} aria-label="文化程度">
      <Radio value="a">本科</Radio>
      <Radio value="b">硕士研究生</Radio>
    </Radio.Group>
  );
}

test('a radio group is named, each radio is named by its text and reports its state', async () => {
  render(<Choice />);
  const group = screen.getByRole('radiogroup', { name: '文化程度' });
  expect(group).toBeTruthy();
  const master = await screen.findByRole('radio', { name: '硕士研究生' });
  expect(screen.getByRole('radio', { name: '本科' }).getAttribute('aria-checked')).toBe('true');
  expect(master.getAttribute('aria-checked')).toBe('false');
  fireEvent.click(master);
  expect((await screen.findByRole('radio', { name: '硕士研究生', checked: true })).getAttribute('aria-checked')).toBe(
    'true',
  );
  expect(screen.getByRole('radio', { name: '本科' }).getAttribute('aria-checked')).toBe('false');
});

test('a checkbox is role=checkbox with its name and state', () => {
  function Box() {
    const [on, setOn] = useState(false);
    return <Checkbox checked={on} onChange={setOn} label="未在杭州市区落户" aria-label="未在杭州市区落户" />;
  }
  render(<Box />);
  const box = screen.getByRole('checkbox', { name: '未在杭州市区落户' });
  expect(box.getAttribute('aria-checked')).toBe('false');
  fireEvent.click(box);
  expect(screen.getByRole('checkbox', { name: '未在杭州市区落户' }).getAttribute('aria-checked')).toBe('true');
});

test('Input and TextArea name the native control, not the Taro wrapper', async () => {
  const { container } = render(
    <>
      <Input aria-label="员工姓名" value="" />
      <TextArea aria-label="异议理由" value="" />
    </>,
  );
  const input = container.querySelector('taro-input-core') as
    (Element & { nativeProps?: Record<string, unknown> }) | null;
  expect(input?.nativeProps?.['aria-label']).toBe('员工姓名');
  // The textarea is drawn by Taro's web component after mount; the wrapper names it when it appears.
  expect((await screen.findByRole('textbox', { name: '异议理由' })).tagName).toBe('TEXTAREA');
  expect(container.querySelector('taro-textarea-core')?.getAttribute('aria-label')).toBeNull();
  expect(input?.getAttribute('aria-label')).toBeNull();
});

test('a stepper names its field and its ± taps after the label', () => {
  render(<InputNumber aria-label="合法租赁年数" value={2} min={0} max={10} />);
  expect(screen.getByRole('textbox', { name: '合法租赁年数' })).toBeTruthy();
  expect(screen.getByRole('button', { name: '增加合法租赁年数' })).toBeTruthy();
  expect(screen.getByRole('button', { name: '减少合法租赁年数' })).toBeTruthy();
});
