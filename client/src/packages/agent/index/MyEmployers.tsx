// 委托我的单位: entrustments naming the caller as the employee. Confirming makes it count; revoking ends it at once,
// so it asks first and says so.
import { Text, View } from '@tarojs/components';
import type { Envelope } from '@hz-points/shared';
import { ActionButton, ConfirmAction, FieldError, useFormErrors } from '../../../components/Form';
import { call } from '../../apply/common/api';
import { Section, StateBadge } from '../../apply/common/ui';
import { ENT_STATUS, type EntrustmentView } from './model';
import type { AgentData } from './useAgentData';

function Entrustment({ e, run, busy }: { e: EntrustmentView; run: AgentData['run']; busy: boolean }) {
  const form = useFormErrors();
  const send = async (p: Promise<Envelope<unknown>>, done: string) => {
    const refused = await run(p, done);
    if (refused) form.fail('action', refused);
  };
  return (
    <View className="flows-item">
      <View className="flows-item__head">
        <Text className="flows-item__title">{e.employerName}</Text>
        <StateBadge
          tone={e.status === 'active' ? 'done' : e.status === 'pending' ? 'wait' : 'off'}
          text={ENT_STATUS[e.status]}
        />
      </View>
      <View className="flows-item__meta">
        <Text>
          经办人：{e.agent?.name}（{e.agent?.idNumber}）
        </Text>
      </View>
      <View className="flows-evidence__actions" style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
        {e.status === 'pending' ? (
          <ActionButton
            size="small"
            type="primary"
            disabled={busy}
            aria-label="确认委托"
            onPress={() =>
              send(call('accounts', 'confirmEntrustment', { entrustmentId: e.entrustmentId }), '已确认委托')
            }
          >
            确认委托
          </ActionButton>
        ) : null}
        {e.status !== 'revoked' ? (
          <ConfirmAction
            disabled={busy}
            question={`确定撤销对${e.employerName}的委托吗？撤销后立即生效，经办人${e.agent?.name ?? ''}不能再为您办理积分事项。`}
            confirmLabel="确定撤销"
            onConfirm={() =>
              send(call('accounts', 'revokeEntrustment', { entrustmentId: e.entrustmentId }), '已撤销委托，立即生效')
            }
            trigger={(open) => (
              <ActionButton size="small" disabled={busy} aria-label="撤销委托" onPress={open}>
                撤销委托
              </ActionButton>
            )}
          />
        ) : null}
      </View>
      <FieldError form={form} name="action" />
    </View>
  );
}

export function MyEmployers(props: { entrustments: EntrustmentView[]; run: AgentData['run']; busy: boolean }) {
  if (props.entrustments.length === 0) return null;
  return (
    <Section title="委托我的单位">
      {props.entrustments.map((e) => (
        <Entrustment key={e.entrustmentId} e={e} run={props.run} busy={props.busy} />
      ))}
    </Section>
  );
}
