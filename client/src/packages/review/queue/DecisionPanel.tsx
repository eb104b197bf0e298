// The approval panel of one queue item: the fields of the indicator's claim schema prefilled with the declaration,
// what approving will record (and whether it differs from the declaration), and the decisions. Errors appear beside
// the field or button they concern (components/Form's Field / FieldError), scrolled into view and focused when the
// reviewer presses a decision; the check run while editing shows beside its field without taking focus.
import React, { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { Field, FieldError, TextArea, useFormErrors } from '../../../components/Form';
import { call } from '../../apply/common/api';
import { ClaimFields } from '../../apply/common/ClaimFields';
import type { ClaimForm } from '../../apply/common/claims';
import type { Item } from '../../apply/common/types';
import type { IndicatorCode } from '@hz-points/shared';
import { ActionButton } from '../common/ActionButton';
import {
  changedFromDeclared,
  describeRecorded,
  isOwnRecord,
  OWN_RECORD_FIELDS,
  reviewFormFromValue,
  toAcceptedValue,
} from './decision';
import { OwnRecordFields } from './OwnRecordFields';

export type Decision = 'approved' | 'reviewing' | 'returned';

interface Props {
  item: Item;
  /** Called after the server accepted the decision. */
  onDecided: (decision: Decision) => void;
  onClose: () => void;
}

export function DecisionPanel({ item, onDecided, onClose }: Props) {
  const [form, setForm] = useState<ClaimForm>(() =>
    reviewFormFromValue(item.indicator, item.acceptedValue ?? item.claimed ?? {}),
  );
  const [touched, setTouched] = useState(false);
  const errors = useFormErrors();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);

  const accepted = useMemo(() => toAcceptedValue(item.indicator, form), [item.indicator, form]);
  const liveError = touched && !accepted.ok ? accepted : null;
  /**
   * The field an invalid value's message goes under: own-record items have their own fields (a message about the
   * whole item goes under the first); other items' messages go under the claim's fields (ClaimFields, shared with
   * the application form, draws no errors of its own).
   */
  const errorSlot = (field?: string) =>
    isOwnRecord(item.indicator) ? (field ?? OWN_RECORD_FIELDS[item.indicator][0]!.key) : 'claim';

  async function send(decision: Decision) {
    if (sending) return;
    errors.clear();
    let payload;
    if (decision === 'approved') {
      setTouched(true);
      if (!accepted.ok) return void errors.show({ [errorSlot(accepted.field)]: accepted.message });
      payload = { itemId: item.itemId, decision, acceptedValue: accepted.value } as const;
    } else if (decision === 'returned') {
      payload = { itemId: item.itemId, decision, reason: reason.trim() } as const;
    } else payload = { itemId: item.itemId, decision } as const;
    setSending(true);
    const res = await call('review', 'decide', payload);
    setSending(false);
    if (!res.ok) {
      if (decision === 'returned') setReturning(false);
      // A refusal concerns the decision, not one field: it shows beside the buttons that sent it.
      return errors.fail('decision', res.error.message);
    }
    setReturning(false);
    onDecided(decision);
  }

  const update = (next: ClaimForm) => {
    setForm(next);
    setTouched(true);
    errors.clear();
  };

  return (
    <View className="flows-decide">
      <Text className="flows-label">认定内容（按申报内容预填，可修改）</Text>
      {isOwnRecord(item.indicator) ? (
        <OwnRecordFields
          code={item.indicator}
          form={form}
          onChange={update}
          disabled={sending}
          errors={errors}
          liveError={
            liveError && !liveError.ok ? { field: errorSlot(liveError.field), message: liveError.message } : null
          }
        />
      ) : (
        <Field form={errors} name="claim" error={liveError && !liveError.ok ? liveError.message : null}>
          <ClaimFields code={item.indicator as IndicatorCode} form={form} onChange={update} disabled={sending} />
        </Field>
      )}
      <View className="flows-info" aria-live="polite">
        <Text>
          {accepted.ok
            ? `审核通过将记录：${describeRecorded(item.indicator, accepted.value)}${
                changedFromDeclared(item.indicator, accepted.value, item.claimed)
                  ? '（已修改，与申报不同）'
                  : '（与申报一致）'
              }`
            : '审核通过前请先更正认定内容。'}
        </Text>
      </View>
      <FieldError form={errors} name="decision" />
      <View className="flows-actions">
        <ActionButton type="primary" block disabled={sending} onPress={() => send('approved')} aria-label="审核通过">
          审核通过
        </ActionButton>
        <ActionButton block disabled={sending} onPress={() => send('reviewing')} aria-label="标记为审核中">
          标记为审核中（需核实）
        </ActionButton>
        <ActionButton
          block
          type="danger"
          fill="outline"
          disabled={sending}
          onPress={() => setReturning(true)}
          aria-label="退回"
        >
          退回
        </ActionButton>
        <ActionButton block fill="none" onPress={onClose} aria-label="收起">
          收起
        </ActionButton>
      </View>

      <Dialog
        visible={returning}
        title="退回原因"
        confirmText={sending ? '正在提交…' : '确认退回'}
        cancelText="取消"
        disableConfirmButton={sending || reason.trim().length < 2}
        onConfirm={() => send('returned')}
        onCancel={() => setReturning(false)}
        onClose={() => setReturning(false)}
      >
        <TextArea
          value={reason}
          onChange={setReason}
          maxLength={500}
          showCount
          placeholder="请写明退回原因和需补充的材料（申请人可见）"
          aria-label="退回原因"
        />
      </Dialog>
    </View>
  );
}
