// 消息提醒: the caller's own reminders — what was (or, in local mode, would have been) sent as a WeChat subscribe
// message, when, and why one was not sent; and how many more messages each kind may still bring (one per "accept").
// Only the caller's own messages: `reminders.list` filters by the caller's WeChat identity on the server.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { callFunction } from '../../../services/cloud';
import type { ReminderList } from '@hz-points/shared';
import { describeMessage, messageState, TEMPLATE_TITLES } from './view';
import './index.scss';

/** reminders.list's answer. */
type ListResult = ReminderList;

export default function MessagesPage() {
  const [data, setData] = useState<ListResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void callFunction<ReminderList>('reminders', { action: 'list', limit: 50 }).then((res) => {
      if (!alive) return;
      if (res.ok) setData(res.data);
      else setError(res.error.message);
    });
    return () => {
      alive = false;
    };
  }, []);

  return (
    <PageShell title="消息提醒" hideActingFor>
      {error && (
        <View className="hz-card" role="alert">
          <Text>{error}</Text>
        </View>
      )}
      {!data && !error && (
        <View className="hz-card">
          <Text className="hz-muted">加载中…</Text>
        </View>
      )}
      {data && (
        <>
          <View className="hz-card hz-messages__intro">
            <Text className="hz-card__title">
              {data.mode === 'local' ? '本地模式：消息不会真正发出' : '微信服务通知'}
            </Text>
            <Text className="hz-muted">
              {data.mode === 'local'
                ? '这里列出在微信中会发给您的订阅消息及其发送时间。'
                : '提交申请、异议或落户申请时，您每同意一次，就可以收到一条对应的消息。'}
            </Text>
            <Text className="hz-messages__credits" aria-label="还可接收的消息">
              还可接收：
              {Object.entries(TEMPLATE_TITLES)
                .map(([name, title]) => `${title}${(data.credits as Record<string, number>)[name] ?? 0}条`)
                .join('，')}
            </Text>
          </View>
          {data.reminders.length === 0 ? (
            <View className="hz-card">
              <Text className="hz-muted">暂无消息。</Text>
            </View>
          ) : (
            data.reminders.map((m) => {
              const state = messageState(m, data.mode);
              return (
                <View
                  key={m.id}
                  className="hz-card hz-messages__item"
                  aria-label={`${TEMPLATE_TITLES[m.template] ?? '消息'}：${state.text}`}
                >
                  <View className="hz-messages__head">
                    <Text className="hz-card__title">{TEMPLATE_TITLES[m.template] ?? '消息'}</Text>
                    {/* The state is written out, never shown by colour alone. */}
                    <Text className={`hz-messages__state hz-messages__state--${state.tone}`}>{state.label}</Text>
                  </View>
                  {describeMessage(m).map(([k, v]) => (
                    <View key={k} className="hz-messages__row">
                      <Text className="hz-messages__k">{k}</Text>
                      <Text className="hz-messages__v">{v}</Text>
                    </View>
                  ))}
                  <Text className="hz-muted">{state.text}</Text>
                </View>
              );
            })
          )}
        </>
      )}
    </PageShell>
  );
}
