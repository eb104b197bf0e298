import { act, fireEvent, render, screen } from '@testing-library/react';
import { __reset, __setAppBaseInfo } from '../__mocks__/taro';
import { PageShell } from '../../src/components/PageShell';
import { ElderToggle } from '../../src/components/ElderToggle';
import { devPersonaSwitcher } from '../../src/components/devtools';
import { elderModeStore, readElderPreference, setElderMode } from '../../src/theme/elder';
import { setActingFor } from '../../src/services/session';

beforeEach(() => {
  __reset();
  act(() => {
    elderModeStore.set(false);
    setActingFor(null);
  });
});

function root(container: HTMLElement): HTMLElement {
  return container.querySelector('.hz-page') as HTMLElement;
}

describe('elder mode (长辈版)', () => {
  it('switches the page root class and text size, and remembers the choice', () => {
    const { container } = render(
      <PageShell title="测试页">
        <ElderToggle />
      </PageShell>,
    );
    expect(root(container).className).toContain('hz-page--standard');
    // Issue 10: standard body text and labels 16 px, nutui's form labels (its default: 12 px) and buttons included.
    expect(root(container).style.getPropertyValue('--hz-font-base')).toBe('16px');
    expect(root(container).style.getPropertyValue('--nutui-form-item-label-font-size')).toBe('16px');
    expect(root(container).style.getPropertyValue('--nutui-button-small-height')).toBe('44px');
    expect(root(container).style.getPropertyValue('--nutui-color-primary')).toBe('#1f6fd1');
    expect(readElderPreference()).toBe(false);

    fireEvent.click(screen.getByRole('switch'));

    expect(root(container).className).toContain('hz-page--elder');
    expect(root(container).className).not.toContain('hz-page--standard');
    expect(root(container).style.getPropertyValue('--hz-font-base')).toBe('18px');
    expect(Number(root(container).style.getPropertyValue('--hz-line-height'))).toBeGreaterThanOrEqual(1.3);
    expect(parseInt(root(container).style.getPropertyValue('--hz-touch-min'), 10)).toBeGreaterThanOrEqual(48);
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    // nutui components on the page follow through the ConfigProvider's CSS variables.
    expect(root(container).style.getPropertyValue('--nutui-font-size-base')).toBe('18px');
    expect(root(container).style.getPropertyValue('--nutui-color-text')).toBe('#000000');
    expect(root(container).style.getPropertyValue('--nutui-button-small-height')).toBe('52px');
    // The next app start reads the persisted choice.
    expect(readElderPreference()).toBe(true);
  });

  it("follows WeChat's font scale on top of either mode", () => {
    __setAppBaseInfo({ fontSizeScaleFactor: 1.5 });
    const { container } = render(<PageShell title="测试页" />);
    expect(root(container).style.getPropertyValue('--hz-font-base')).toBe('24px'); // 16 × 1.5
    act(() => setElderMode(true));
    expect(root(container).style.getPropertyValue('--hz-font-base')).toBe('27px'); // 18 × 1.5
  });
});

describe('persona switcher', () => {
  const original = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = original;
  });

  it('is absent when TARO_ENV is weapp', () => {
    process.env.TARO_ENV = 'weapp';
    expect(devPersonaSwitcher()).toBeNull();
    render(<PageShell title="测试页" />);
    expect(screen.queryByTestId('persona-switcher')).toBeNull();
    expect(screen.queryByText('本地演示')).toBeNull();
  });

  it('is shown in the H5 local build', () => {
    process.env.TARO_ENV = 'h5';
    global.fetch = jest.fn().mockResolvedValue({ ok: false, json: async () => null }) as unknown as typeof fetch;
    render(<PageShell title="测试页" />);
    expect(screen.getByTestId('persona-switcher')).toBeTruthy();
    expect(screen.getByText('本地演示')).toBeTruthy();
  });
});

describe('acting-for banner', () => {
  it('is visible on every page while acting for someone, and ends on request', () => {
    process.env.TARO_ENV = 'weapp';
    render(<PageShell title="测试页" />);
    expect(screen.queryByText(/正在代/)).toBeNull();
    act(() => setActingFor({ personId: 'p1', name: '王小明', relationLabel: '监护人' }));
    expect(screen.getByRole('status').textContent).toContain('王小明');
    fireEvent.click(screen.getByRole('button', { name: '结束代办，回到本人' }));
    expect(screen.queryByText(/正在代/)).toBeNull();
    process.env.TARO_ENV = 'h5';
  });
});
