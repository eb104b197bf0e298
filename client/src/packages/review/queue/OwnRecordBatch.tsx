// One applicant's items the department confirms from its own records (age, deductions, veto), approved in one
// action (review.decideMany) after a dialog lists exactly what will be recorded for each item. An item whose
// declared value is not a valid record is left out and named, to be reviewed on its own.
import React, { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { FieldError, useFormErrors } from '../../../components/Form';
import { call } from '../../apply/common/api';
import { indicatorLabel } from '../../apply/common/claims';
import type { Item } from '../../apply/common/types';
import { Section } from '../../apply/common/ui';
import { ActionButton } from '../common/ActionButton';
import { describeRecorded, reviewFormFromValue, toAcceptedValue } from './decision';

interface Props {
  applicantName: string;
  applicationId: string;
  items: Item[];
  onDone: (count: number) => void;
}

/** H5 only (Taro's View type has no tabIndex): the list as a focusable group. */
const FOCUSABLE_GROUP = process.env.TARO_ENV === 'h5' ? { role: 'group', tabIndex: 0 } : {};

export function OwnRecordBatch({ applicantName, applicationId, items, onDone }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const errors = useFormErrors();

  const plan = useMemo(
    () =>
      items.map((item) => {
        const r = toAcceptedValue(
          item.indicator,
          reviewFormFromValue(item.indicator, item.acceptedValue ?? item.claimed ?? {}),
        );
        return { item, accepted: r.ok ? r.value : null };
      }),
    [items],
  );
  const ready = plan.filter((p) => p.accepted !== null) as Array<{ item: Item; accepted: Record<string, unknown> }>;
  const skipped = plan.filter((p) => p.accepted === null);
  // The visible text stays one line on a phone; the accessible name starts with it and adds whose items they are.
  const buttonText = `一次审核通过（${ready.length}项）`;
  const actionLabel = `${buttonText}：${applicantName}的本部门记录核查事项`;

  async function approveAll() {
    if (sending || ready.length === 0) return;
    setSending(true);
    errors.clear();
    const res = await call('review', 'decideMany', {
      applicationId,
      approvals: ready.map((p) => ({ itemId: p.item.itemId, acceptedValue: p.accepted })),
    });
    setSending(false);
    setConfirming(false);
    // A refusal shows beside the button that sent it, scrolled into view and focused.
    if (!res.ok) return errors.fail('batch', res.error.message);
    onDone(ready.length);
  }

  return (
    <Section title={`本部门记录核查 · ${applicantName}`}>
      <Text className="flows-muted">
        年龄、减分项和一票否决由本部门依记录核查。下列{items.length}
        项按申报内容（未申报的按“无”）预填；核查无误后可一次审核通过，有不同的请逐项审核并修改。
      </Text>
      {skipped.length ? (
        <Text className="flows-muted">
          需逐项审核：{skipped.map((p) => indicatorLabel(p.item.indicator)).join('、')}
        </Text>
      ) : null}
      <FieldError form={errors} name="batch" />
      <View className="flows-actions">
        <ActionButton
          type="primary"
          block
          disabled={sending || ready.length === 0}
          onPress={() => setConfirming(true)}
          aria-label={actionLabel}
        >
          {buttonText}
        </ActionButton>
      </View>
      <Dialog
        visible={confirming}
        title="确认审核通过以下事项"
        confirmText={sending ? '正在提交…' : `确认通过${ready.length}项`}
        cancelText="取消"
        disableConfirmButton={sending}
        onConfirm={approveAll}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        {/* A tab stop on the list: in elder mode it scrolls inside the dialog, and a keyboard user must reach it. */}
        <View aria-label="将记录的认定内容" {...(FOCUSABLE_GROUP as object)}>
          <Text className="flows-muted">申请人：{applicantName}。审核通过将按下列内容记录（经本部门记录核查）：</Text>
          {ready.map((p) => (
            <View key={p.item.itemId}>
              <Text>
                {indicatorLabel(p.item.indicator)}：{describeRecorded(p.item.indicator, p.accepted)}
              </Text>
            </View>
          ))}
        </View>
      </Dialog>
    </Section>
  );
}
