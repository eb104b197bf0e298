// How a reminder reads on the 消息 page: field labels per template (as configured in the WeChat console, see
// docs/DEPLOY.md) and its state in words.
export interface ListedReminder {
  id: string;
  template: string;
  fields: Record<string, string>;
  page: string;
  status: 'queued' | 'sending' | 'sent' | 'dropped' | 'failed' | 'unconfirmed';
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  dropReason: 'not-subscribed' | 'no-subscription-left' | null;
}

export const TEMPLATE_TITLES: Record<string, string> = { status: '办理进度通知', deadline: '办理时限提醒' };

const FIELD_LABELS: Record<string, Record<string, string>> = {
  status: { thing1: '办理事项', phrase2: '办理状态', date3: '办理日期', thing4: '备注' },
  deadline: { thing1: '办理事项', date2: '截止日期', thing3: '温馨提示' },
};

/** 2025-10-20 → 2025年10月20日 (dates in fields are Beijing dates already). */
function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant as Beijing date and time: 2025年10月20日 10:05. */
export function beijingDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function describeMessage(m: ListedReminder): Array<[string, string]> {
  const labels = FIELD_LABELS[m.template] ?? {};
  return Object.entries(m.fields).map(([k, v]) => [labels[k] ?? k, k.startsWith('date') ? chineseDate(v) : v]);
}

export function messageState(m: ListedReminder, mode: 'wechat' | 'local'): { label: string; text: string; tone: 'ok' | 'wait' | 'off' } {
  const created = `生成于${beijingDateTime(m.createdAt)}`;
  switch (m.status) {
    case 'sent':
      return mode === 'local'
        ? { label: '已模拟发送', text: `${beijingDateTime(m.sentAt ?? m.createdAt)}本应发出（本地模式未真正发送）；${created}`, tone: 'ok' }
        : { label: '已发送', text: `${beijingDateTime(m.sentAt ?? m.createdAt)}已通过微信服务通知发出；${created}`, tone: 'ok' };
    case 'queued':
      return m.nextAttemptAt
        ? { label: '待重试', text: `上次发送未成功，将于${beijingDateTime(m.nextAttemptAt)}后重试；${created}`, tone: 'wait' }
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
