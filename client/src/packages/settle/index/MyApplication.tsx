// 我的申请: the person's settlement application of the year, withdrawable (after a confirmation) while it stands and
// no result is published.
import { View } from '@tarojs/components';
import { formatChineseDate } from '@hz-points/shared';
import { ActionButton, ConfirmAction, FieldError, type FormErrors } from '../../../components/Form';
import { Row, Section, StateBadge } from '../../apply/common/ui';
import type { SettlementGet } from './useSettlement';

export function MyApplication(props: {
  year: number;
  settlement: NonNullable<SettlementGet['settlement']>;
  /** Whether the result is published: then the application can no longer be withdrawn. */
  published: boolean;
  form: FormErrors;
  onWithdraw: () => Promise<void>;
}) {
  const { settlement } = props;
  return (
    <Section
      title="我的申请"
      extra={
        <StateBadge
          tone={settlement.status === 'submitted' ? 'done' : 'off'}
          text={settlement.status === 'submitted' ? '已受理' : '已撤回'}
        />
      }
    >
      <Row label="拟落户区">{settlement.district}</Row>
      <Row label="申请积分">{settlement.total}分</Row>
      <Row label="受理日期">{formatChineseDate(settlement.appliedOn)}</Row>
      {settlement.status === 'submitted' && !props.published ? (
        <>
          <ConfirmAction
            question={`确定撤回${props.year}年度积分落户申请吗？撤回后本年度不参加落户排名；受理期内可重新提交。`}
            confirmLabel="确定撤回"
            onConfirm={props.onWithdraw}
            trigger={(open) => (
              <View className="flows-actions">
                <ActionButton block fill="outline" aria-label="撤回落户申请" onPress={open}>
                  撤回申请
                </ActionButton>
              </View>
            )}
          />
          <FieldError form={props.form} name="withdraw" />
        </>
      ) : null}
    </Section>
  );
}
