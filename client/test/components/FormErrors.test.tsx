// Issue 10's form behaviour, once for every form: an error appears beside the control it concerns (not at the top
// of a long page), the first one in page order is scrolled into view and focused, the control is marked invalid and
// described by the message; primary actions are real buttons (role, tab stop, Enter/Space); destructive actions
// ask first and do nothing until confirmed.
import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActionButton, ConfirmAction, Field, FieldError, Input, useFormErrors } from '../../src/components/Form';

let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  } as never;
});

function LongForm(props: { onSend: () => void }) {
  const form = useFormErrors();
  const [name, setName] = useState('');
  const [employer, setEmployer] = useState('');
  return (
    <>
      <Field form={form} name="employeeName" label="员工姓名">
        <Input value={name} onChange={(v: string) => (form.clear('employeeName'), setName(v))} aria-label="员工姓名" />
      </Field>
      <Field form={form} name="employerName" label="单位名称">
        <Input value={employer} onChange={setEmployer} aria-label="单位名称" />
      </Field>
      <FieldError form={form} name="submit" />
      <ActionButton
        aria-label="提交委托"
        onPress={() => {
          if (
            form.show({
              employeeName: name ? null : '请填写员工姓名',
              employerName: employer ? null : '请填写单位名称',
            })
          )
            return;
          form.fail('submit', '该员工已有有效委托');
          props.onSend();
        }}
      >
        提交委托
      </ActionButton>
    </>
  );
}

const fieldOf = (el: Element | null) => el?.closest('.hz-field');

test('each error sits under its own control; the first is scrolled into view and its input focused', async () => {
  const onSend = jest.fn();
  const { container } = render(<LongForm onSend={onSend} />);
  // Taro's H5 input draws its native <input> after mounting.
  const nameInput = await screen.findByRole('textbox', { name: '员工姓名' });
  fireEvent.click(screen.getByRole('button', { name: '提交委托' }));

  const alerts = await screen.findAllByRole('alert');
  expect(alerts.map((a) => a.textContent)).toEqual(['⚠ 请填写员工姓名', '⚠ 请填写单位名称']);
  // Beside the control: in the same field as the input it concerns.
  expect(fieldOf(alerts[0])).toBe(fieldOf(nameInput));
  expect(fieldOf(alerts[1])).toBe(fieldOf(screen.getByLabelText('单位名称')));
  // The first one, in page order, is revealed and focused; the input says it is invalid and why.
  await waitFor(() => expect(scrolled).toEqual([fieldOf(nameInput)]));
  expect(document.activeElement === nameInput).toBe(true);
  // Taro's input copies aria-invalid onto its native <input> in its own (asynchronous) render.
  await waitFor(() => expect(nameInput.getAttribute('aria-invalid')).toBe('true'));
  expect(document.getElementById(nameInput.getAttribute('aria-describedby')!)?.textContent).toBe('⚠ 请填写员工姓名');
  expect(onSend).not.toHaveBeenCalled();

  // Correcting the field clears its error only.
  const core = container.querySelector('.hz-field--employeeName taro-input-core')!;
  act(() => void core.dispatchEvent(new CustomEvent('input', { detail: { value: '张三' }, bubbles: true })));
  expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['⚠ 请填写单位名称']);
});

test('an error of no single control (a refusal) shows next to the button and takes focus', async () => {
  const { container } = render(<LongForm onSend={() => undefined} />);
  for (const [field, value] of [
    ['employeeName', '张三'],
    ['employerName', '演示科技有限公司'],
  ]) {
    const core = container.querySelector(`.hz-field--${field} taro-input-core`)!;
    act(() => void core.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));
  }
  fireEvent.click(screen.getByRole('button', { name: '提交委托' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('⚠ 该员工已有有效委托');
  expect(alert.nextElementSibling ?? alert.parentElement?.nextElementSibling).toBe(
    screen.getByRole('button', { name: '提交委托' }),
  );
  await waitFor(() => expect(scrolled).toHaveLength(1));
  expect(document.activeElement === alert).toBe(true);
});

test('a primary action is a real button: named, a tab stop, Enter and Space press it; disabled says so', () => {
  const press = jest.fn();
  const { rerender } = render(
    <ActionButton aria-label="下一步" onPress={press}>
      下一步
    </ActionButton>,
  );
  const button = screen.getByRole('button', { name: '下一步' });
  expect(button.getAttribute('tabindex')).toBe('0');
  fireEvent.keyDown(button, { key: 'Enter' });
  fireEvent.keyDown(button, { key: ' ' });
  fireEvent.keyDown(button, { key: 'a' });
  fireEvent.click(button);
  expect(press).toHaveBeenCalledTimes(3);

  rerender(
    <ActionButton aria-label="下一步" onPress={press} disabled>
      下一步
    </ActionButton>,
  );
  const off = screen.getByRole('button', { name: '下一步' });
  expect(off.getAttribute('aria-disabled')).toBe('true');
  expect(off.getAttribute('tabindex')).toBe('-1');
  fireEvent.keyDown(off, { key: 'Enter' });
  fireEvent.click(off);
  expect(press).toHaveBeenCalledTimes(3);
});

test('a destructive action asks first; 取消 changes nothing, 确定 does it once', () => {
  const clear = jest.fn();
  render(
    <ConfirmAction
      question="确定清空已填写的全部内容吗？清空后无法恢复。"
      confirmLabel="确定清空"
      onConfirm={clear}
      trigger={(open) => (
        <ActionButton aria-label="清空重填" onPress={open}>
          清空重填
        </ActionButton>
      )}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: '清空重填' }));
  expect(clear).not.toHaveBeenCalled();
  expect(screen.getByRole('group', { name: '确定清空已填写的全部内容吗？清空后无法恢复。' })).toBeTruthy();
  expect(document.activeElement?.textContent).toBe('确定清空已填写的全部内容吗？清空后无法恢复。');
  fireEvent.click(screen.getByRole('button', { name: '取消' }));
  expect(clear).not.toHaveBeenCalled();

  fireEvent.click(screen.getByRole('button', { name: '清空重填' }));
  fireEvent.click(screen.getByRole('button', { name: '确定清空' }));
  expect(clear).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('button', { name: '清空重填' })).toBeTruthy();
});
