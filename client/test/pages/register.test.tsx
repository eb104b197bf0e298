import { fireEvent, render, screen } from '@testing-library/react';
import { __reset } from '../__mocks__/taro';
import { Register, validateRegistration } from '../../src/packages/account/register/Register';
import { sessionStore } from '../../src/services/session';
import { typeInto } from '../helpers';

beforeEach(() => {
  __reset();
  sessionStore.set((s) => ({ ...s, me: null }));
});

describe('实名登记', () => {
  it('validates with the shared schema, in Chinese', () => {
    const errors = validateRegistration({ name: 'x', idNumber: '330106199503150011', phone: '123' });
    expect(errors.name).toBeTruthy();
    expect(errors.idNumber).toBeTruthy();
    expect(errors.phone).toMatch(/手机号码/);
    expect(Object.values(errors).join()).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shows the messages and calls nothing while the form is invalid', () => {
    const fetchFn = jest.fn();
    global.fetch = fetchFn as unknown as typeof fetch;
    const onDone = jest.fn();
    const { container } = render(<Register onDone={onDone} />);
    typeInto(container, 'phone', '12345');
    fireEvent.click(screen.getByText('提交实名登记'));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent).join('\n');
    expect(alerts).toMatch(/手机号码：.*手机号码/);
    expect(alerts).toContain('姓名：');
    expect(fetchFn).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });
});
