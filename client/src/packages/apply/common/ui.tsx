// Small building blocks shared by the flow pages. Status is always text plus an icon (colour is never the only
// signal, 适老化); errors are announced (aria-live) and show the server's Chinese message.
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Checked, Clock, Warning, Close } from '@nutui/icons-react-taro';
import { Toast } from '@nutui/nutui-react-taro';
import { WeChatRoles } from '../../../components/Form';
import type { ItemStatus } from './types';
import { countdown, describeCountdown } from './workdays';
import './nutui-styles';
import './flows.scss';

const ITEM_STATUS: Record<ItemStatus, { text: string; tone: 'done' | 'wait' | 'back' }> = {
  approved: { text: '审核完成', tone: 'done' },
  reviewing: { text: '审核中', tone: 'wait' },
  pending: { text: '审核中', tone: 'wait' },
  returned: { text: '退回', tone: 'back' },
};

export function StatusBadge(props: { status: ItemStatus }) {
  const s = ITEM_STATUS[props.status];
  const Icon = s.tone === 'done' ? Checked : s.tone === 'wait' ? Clock : Warning;
  return (
    <View className={`flows-badge flows-badge--${s.tone}`} aria-label={`状态：${s.text}`} data-status={props.status}>
      <Icon size={14} aria-hidden />
      <Text className="flows-badge__text">{s.text}</Text>
    </View>
  );
}

/** A generic text + icon badge (open / closed windows, certificate validity…). */
export function StateBadge(props: { tone: 'done' | 'wait' | 'back' | 'off'; text: string }) {
  const Icon =
    props.tone === 'done' ? Checked : props.tone === 'wait' ? Clock : props.tone === 'back' ? Warning : Close;
  return (
    <View className={`flows-badge flows-badge--${props.tone}`} aria-label={props.text}>
      <Icon size={14} aria-hidden />
      <Text className="flows-badge__text">{props.text}</Text>
    </View>
  );
}

export function ErrorNotice(props: { message?: string | null }) {
  if (!props.message) return null;
  return (
    <View className="flows-error" role="alert" aria-live="assertive">
      <Warning size={16} aria-hidden />
      <Text className="flows-error__text">{props.message}</Text>
    </View>
  );
}

export function InfoNotice(props: { children: React.ReactNode }) {
  return (
    <View className="flows-info" role="status" aria-live="polite">
      <Text className="flows-info__text">{props.children}</Text>
    </View>
  );
}

export function Section(props: { title: string; children: React.ReactNode; extra?: React.ReactNode; id?: string }) {
  return (
    <View className="flows-section" {...(props.id ? { id: props.id } : {})}>
      <View className="flows-section__head">
        <View className="flows-section__title" role="heading" aria-level={2}>
          {props.title}
        </View>
        {props.extra}
      </View>
      <View className="flows-section__body">{props.children}</View>
    </View>
  );
}

export function Row(props: { label: string; children: React.ReactNode }) {
  return (
    <View className="flows-row">
      <Text className="flows-row__label">{props.label}</Text>
      <View className="flows-row__value">{props.children}</View>
    </View>
  );
}

/** "截止…，还剩N个工作日" with a badge; the closed state says so in words. */
export function Deadline(props: { label: string; lastDay: string | null | undefined; now: Date }) {
  if (!props.lastDay) return null;
  const c = countdown(props.lastDay, props.now);
  return (
    <Row label={props.label}>
      <StateBadge tone={c.kind === 'closed' ? 'off' : 'wait'} text={c.kind === 'closed' ? '已截止' : '办理中'} />
      <Text className="flows-deadline">{describeCountdown(c)}</Text>
    </Row>
  );
}

export function Loading(props: { text?: string }) {
  return (
    <View className="flows-loading" role="status" aria-live="polite">
      <Text>{props.text ?? '正在加载…'}</Text>
    </View>
  );
}

const TOAST_ID = 'flows-toast';

/**
 * The page's toast host (one per page). Toasts only confirm; anything the person must read stays on the page.
 * nutui's toast marks itself with WeChat's `aria-role="alert"`, no ARIA attribute in H5 (axe aria-valid-attr,
 * critical): WeChatRoles turns it into a real role as the toast appears.
 */
export function FlowsToast() {
  return (
    <WeChatRoles>
      <Toast id={TOAST_ID} />
    </WeChatRoles>
  );
}

export function toast(content: string, icon: 'success' | 'fail' = 'success'): void {
  Toast.show(TOAST_ID, { content, icon, duration: 2 });
}
