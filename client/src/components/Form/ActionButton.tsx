// A nutui Button that is a real button in H5 too. Taro renders <taro-button-core>, a custom element with no role,
// not focusable and deaf to the keyboard: here it gets role="button", a tab stop, aria-disabled and Enter/Space.
// In the mini-program the native <button> already is one; the extra props are left out there. The accessible name
// is a required prop, so an unnamed primary action does not type-check.
import { type ReactNode } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { ButtonProps } from '@nutui/nutui-react-taro';

const isH5 = process.env.TARO_ENV === 'h5';

export type ActionButtonProps = Omit<Partial<ButtonProps>, 'onClick' | 'children'> & {
  /** Accessible name (usually the visible text). */
  'aria-label': string;
  onPress: () => void;
  children: ReactNode;
  id?: string;
};

/** Props that make any pressable element a keyboard-operable button in H5 (none in the mini-program). */
export function pressableProps(press: () => void, disabled?: boolean): Record<string, unknown> {
  if (!isH5) return {};
  return {
    role: 'button',
    tabIndex: disabled ? -1 : 0,
    'aria-disabled': disabled ? 'true' : 'false',
    onKeyDown: (e: { key: string; preventDefault: () => void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (!disabled) press();
      }
    },
  };
}

/** Letters and digits only: punctuation and spaces do not decide whether one wording contains another. */
const plain = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The accessible name of a button showing `children` (WCAG 2.5.3, label in name; axe label-content-name-mismatch):
 * a speech-input user says what they see, so the name must contain the visible text. A label that already contains
 * it is kept; otherwise the visible text comes first and the label adds the context, e.g. 为其申请 named
 * 「为其申请，为演示老人申请积分」. Only plain text is checked (the label of an icon or a composed child stands).
 */
export function buttonName(label: string, children: ReactNode): string {
  if (typeof children !== 'string' && typeof children !== 'number') return label;
  const visible = String(children).trim();
  if (!plain(visible) || plain(label).includes(plain(visible))) return label;
  return `${visible}，${label}`;
}

export function ActionButton(props: ActionButtonProps) {
  const { onPress, disabled, loading, children, 'aria-label': label, ...rest } = props;
  const off = !!disabled || !!loading;
  const press = () => {
    if (!off) onPress();
  };
  const name = { 'aria-label': buttonName(label, children) };
  return (
    <Button
      {...rest}
      {...name}
      {...(pressableProps(press, off) as object)}
      loading={loading}
      disabled={disabled}
      onClick={press}
    >
      {children}
    </Button>
  );
}
