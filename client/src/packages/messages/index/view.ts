// How a reminder reads on the 消息 page: field labels per template (as configured in the WeChat console, see
// docs/DEPLOY.md) and its state in words.
import { formatChineseDate, formatChineseDateTime, type ReminderView } from '@hz-points/shared';

/** A reminder as reminders.list answers it (shared/src/api/results.ts). */
export type ListedReminder = ReminderView;

export const TEMPLATE_TITLES: Record<string, string> = { status: '办理进度通知', deadline: '办理时限提醒' };

const FIELD_LABELS: Record<string, Record<string, string>> = {
  status: { thing1: '办理事项', phrase2: '办理状态', date3: '办理日期', thing4: '备注' },
  deadline: { thing1: '办理事项', date2: '截止日期', thing3: '温馨提示' },
};

/** An instant as Beijing date and time: 2025年10月20日 10:05 (the rules package's formatter). */
const beijingDateTime = formatChineseDateTime;

export function describeMessage(m: ListedReminder): Array<[string, string]> {
  const labels = FIELD_LABELS[m.template] ?? {};
  return Object.entries(m.fields).map(([k, v]) => [labels[k] ?? k, k.startsWith('date') ? formatChineseDate(v) : v]);
}

export function messageState(
  m: ListedReminder,
  mode: 'wechat' | 'local',
): { label: string; text: string; tone: 'ok' | 'wait' | 'off' } {
  const created = `生成于${beijingDateTime(m.createdAt)}`;
  switch (m.status) {
    case 'sent':
      return mode === 'local'
        ? {
            label: '已模拟发送',
            text: `${beijingDateTime(m.sentAt ?? m.createdAt)}本应发出（本地模式未真正发送）；${created}`,
            tone: 'ok',
          }
        : {
            label: '已发送',
            text: `${beijingDateTime(m.sentAt ?? m.createdAt)}已通过微信服务通知发出；${created}`,
            tone: 'ok',
          };
    case 'queued':
      return m.nextAttemptAt
        ? {
            label: '待重试',
            text: `上次发送未成功，将于${beijingDateTime(m.nextAttemptAt)}后重试；${created}`,
            tone: 'wait',
          }
        : { label: '待发送', text: `将在几分钟内发送；${created}`, tone: 'wait' };
    case 'sending':
      return { label: '发送中', text: created, tone: 'wait' };
    case 'dropped':
      return {
        label: '未发送',
        text: `${m.dropReason === 'no-subscription-left' ? '微信提示您的订阅次数已用完或已取消订阅' : '您未订阅此类消息'}，请在小程序中查看办理进度；${created}`,
        tone: 'off',
      };
    case 'unconfirmed':
      return { label: '结果未知', text: `发送过程中断，为避免重复未再发送，请在小程序中查看；${created}`, tone: 'off' };
    default:
      return { label: '发送失败', text: `请在小程序中查看办理进度；${created}`, tone: 'off' };
  }
}
