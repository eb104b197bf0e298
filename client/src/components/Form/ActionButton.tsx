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

export function ActionButton(props: ActionButtonProps) {
  const { onPress, disabled, loading, children, ...rest } = props;
  const off = !!disabled || !!loading;
  const press = () => {
    if (!off) onPress();
  };
  return (
    <Button {...rest} {...(pressableProps(press, off) as object)} loading={loading} disabled={disabled} onClick={press}>
      {children}
    </Button>
  );
}
