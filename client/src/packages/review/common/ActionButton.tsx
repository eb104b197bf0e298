// A nutui Button that is a real button in H5 too: Taro renders <taro-button-core>, a custom element with no role,
// not focusable and deaf to the keyboard, so here it gets role="button", a tab stop, aria-disabled and Enter/Space.
// In the mini-program the native <button> already is one; the extra props are left out there.
import React, { type ReactNode } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { ButtonProps } from '@nutui/nutui-react-taro';

const isH5 = process.env.TARO_ENV === 'h5';

type Props = Omit<Partial<ButtonProps>, 'onClick' | 'children'> & {
  /** Accessible name (usually the visible text). */
  'aria-label': string;
  onPress: () => void;
  children: ReactNode;
};

export function ActionButton(props: Props) {
  const { onPress, disabled, children, ...rest } = props;
  const press = () => {
    if (!disabled) onPress();
  };
  const keyboard = isH5
    ? {
        role: 'button',
        tabIndex: disabled ? -1 : 0,
        'aria-disabled': disabled ? 'true' : 'false',
        onKeyDown: (e: { key: string; preventDefault: () => void }) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            press();
          }
        },
      }
    : {};
  return (
    <Button {...rest} {...(keyboard as object)} disabled={disabled} onClick={press}>
      {children}
    </Button>
  );
}
