// Destructive actions ask first (清空重填, 撤回, 撤销委托): the first tap opens a confirmation right where the person
// tapped (not a pop-up over the page), saying what will happen; nothing is cleared or sent until they confirm.
// Focus moves to the question so a screen reader reads it; 取消 closes it and gives focus back.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from './ActionButton';

const isH5 = process.env.TARO_ENV === 'h5';

interface ConfirmActionProps {
  /** The question, saying what will be lost or sent, e.g. 「确定撤销对演示科技有限公司的委托？撤销后立即生效。」 */
  question: string;
  /** Text of the confirming button, e.g. 确定撤销. */
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  /** The button that asks (its own look); `open` shows the question. */
  trigger: (open: () => void) => ReactNode;
  disabled?: boolean;
}

export function ConfirmAction(props: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (asking && isH5) questionRef.current?.focus?.();
  }, [asking]);

  if (!asking) return <>{props.trigger(() => !props.disabled && setAsking(true))}</>;
  return (
    <View className="hz-confirm flows-info" role="group" aria-label={props.question}>
      <View ref={questionRef as never} className="hz-confirm__question" {...(isH5 ? { tabIndex: -1 } : {})}>
        <Text>{props.question}</Text>
      </View>
      <View className="flows-actions">
        <ActionButton
          type="danger"
          block
          disabled={props.disabled}
          aria-label={props.confirmLabel}
          onPress={() => {
            setAsking(false);
            void props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </ActionButton>
        <ActionButton block fill="outline" aria-label="取消" onPress={() => setAsking(false)}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
