// The privacy pop-up flow of registration (services/privacy.ts + register/PrivacyPopup): WeChat's
// requirePrivacyAuthorize → onNeedPrivacyAuthorization → our pop-up → agree (resolve with the agree button's id) or
// disagree; nothing is sent before the user agrees. Runs on the components' H5 build in jsdom with WeChat's two
// privacy APIs modelled on the Taro mock.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { __cloudCalls, __reset, __setCloudHandler, navigations } from '../__mocks__/taro';
import { Register } from '../../src/packages/account/register/Register';
import { sessionStore } from '../../src/services/session';
import { PRIVACY_AGREE_BUTTON_ID, privacyRequest } from '../../src/services/privacy';
import { typeInto } from '../helpers';

type Resolve = (r: { event: string; buttonId?: string }) => void;

/** WeChat's side: remembers whether the user agreed; asks the registered listener when they have not. */
function modelWeChatPrivacy() {
  const state = {
    agreed: false,
    listener: null as null | ((resolve: Resolve, info: { referrer: string }) => void),
    resolutions: [] as unknown[],
  };
  const api = Taro as unknown as Record<string, unknown>;
  api.onNeedPrivacyAuthorization = (listener: typeof state.listener) => {
    state.listener = listener;
  };
  api.requirePrivacyAuthorize = ({ success, fail }: { success: () => void; fail: (e: { errMsg: string }) => void }) => {
    if (state.agreed) return success();
    state.listener!(
      (r) => {
        state.resolutions.push(r);
        if (r.event === 'agree' && r.buttonId === PRIVACY_AGREE_BUTTON_ID) {
          state.agreed = true;
          success();
        } else fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' });
      },
      { referrer: 'requirePrivacyAuthorize' },
    );
  };
  return state;
}

function fillForm(container: HTMLElement) {
  typeInto(container, 'name', '张三');
  typeInto(container, 'idNumber', '330106199503150010');
  typeInto(container, 'phone', '13800000001');
}

const registerCalls = () => __cloudCalls().filter((c) => (c.data as { action: string }).action === 'register');

// One WeChat for the whole file, as in the app: the listener is registered once per launch.
const wechat = modelWeChatPrivacy();
beforeEach(() => {
  __reset();
  sessionStore.set((s) => ({ ...s, me: null }));
  act(() => privacyRequest.set(null));
  wechat.agreed = false;
  wechat.resolutions.length = 0;
  __setCloudHandler((_name, data) =>
    (data as { action: string }).action === 'register'
      ? { ok: true, data: { person: { name: '张三' } } }
      : { ok: true, data: { openid: 'o1', person: null, roles: [] } },
  );
});
afterAll(() => {
  const api = Taro as unknown as Record<string, unknown>;
  delete api.onNeedPrivacyAuthorization;
  delete api.requirePrivacyAuthorize;
});

describe('privacy pop-up before registration', () => {
  it('asks for the consent tick first: no pop-up and no call without it', () => {
    const { container } = render(<Register onDone={jest.fn()} />);
    fillForm(container);
    fireEvent.click(screen.getByText('提交实名登记'));
    expect(screen.getByRole('alert').textContent).toContain('请阅读并勾选同意《隐私政策》');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(registerCalls()).toEqual([]);
  });

  it('shows the pop-up through onNeedPrivacyAuthorization; agreeing resolves with the agree button and registers with consent', async () => {
    const onDone = jest.fn();
    const { container } = render(<Register onDone={onDone} />);
    fillForm(container);
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《隐私政策》' }));
    fireEvent.click(screen.getByText('提交实名登记'));
    const dialog = await screen.findByRole('dialog', { name: '隐私保护提示' });
    expect(dialog.textContent).toContain('姓名、身份证号码和手机号码');
    // Nothing has left the phone while the question is open.
    expect(registerCalls()).toEqual([]);
    fireEvent.click(screen.getByText('同意并继续'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(wechat.resolutions).toEqual([{ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }]);
    expect(registerCalls()[0]!.data).toMatchObject({
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('disagreeing sends nothing and says so; the next attempt asks again', async () => {
    const { container } = render(<Register onDone={jest.fn()} />);
    fillForm(container);
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《隐私政策》' }));
    fireEvent.click(screen.getByText('提交实名登记'));
    fireEvent.click(await screen.findByText('不同意'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('您未同意隐私保护提示，未提交任何信息'),
    );
    expect(wechat.resolutions).toEqual([{ event: 'disagree' }]);
    expect(registerCalls()).toEqual([]);
    fireEvent.click(screen.getByText('提交实名登记'));
    expect(await screen.findByRole('dialog', { name: '隐私保护提示' })).toBeTruthy();
  });

  it('once WeChat has the agreement, registration does not ask again', async () => {
    wechat.agreed = true;
    const onDone = jest.fn();
    const { container } = render(<Register onDone={onDone} />);
    fillForm(container);
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《隐私政策》' }));
    fireEvent.click(screen.getByText('提交实名登记'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(wechat.resolutions).toEqual([]);
  });

  it('links to the full 隐私政策', async () => {
    const { container } = render(<Register onDone={jest.fn()} />);
    fillForm(container);
    fireEvent.click(screen.getByRole('link', { name: '阅读隐私政策全文' }));
    expect(navigations.at(-1)?.url).toBe('/packages/privacy/policy/index');
  });
});
