// The approval panel of one queue item: the fields of the indicator's claim schema prefilled with the declaration,
// what approving will record (and whether it differs from the declaration), and the decisions. Errors appear beside
// the field or button they concern.
import React, { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { TextArea } from '../../../components/Form';
import { call } from '../../apply/common/api';
import { ClaimFields } from '../../apply/common/ClaimFields';
import type { ClaimForm } from '../../apply/common/claims';
import type { Item } from '../../apply/common/types';
import { ErrorNotice } from '../../apply/common/ui';
import type { IndicatorCode } from '@hz-points/shared';
import { ActionButton } from '../common/ActionButton';
import { changedFromDeclared, describeRecorded, isOwnRecord, reviewFormFromValue, toAcceptedValue } from './decision';
import { OwnRecordFields } from './OwnRecordFields';

export type Decision = 'approved' | 'reviewing' | 'returned';

interface Props {
  item: Item;
  /** Called after the server accepted the decision. */
  onDecided: (decision: Decision) => void;
  onClose: () => void;
}

export function DecisionPanel({ item, onDecided, onClose }: Props) {
  const [form, setForm] = useState<ClaimForm>(() => reviewFormFromValue(item.indicator, item.acceptedValue ?? item.claimed ?? {}));
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);

  const accepted = useMemo(() => toAcceptedValue(item.indicator, form), [item.indicator, form]);
  const fieldError = touched && !accepted.ok ? accepted : null;

  async function send(decision: Decision) {
    if (sending) return;
    setServerError(null);
    let payload;
    if (decision === 'approved') {
      setTouched(true);
      if (!accepted.ok) return;
      payload = { itemId: item.itemId, decision, acceptedValue: accepted.value } as const;
    } else if (decision === 'returned') {
      payload = { itemId: item.itemId, decision, reason: reason.trim() } as const;
    } else payload = { itemId: item.itemId, decision } as const;
    setSending(true);
    const res = await call('review', 'decide', payload);
    setSending(false);
    if (!res.ok) {
      if (decision === 'returned') setReturning(false);
      return setServerError(res.error.message);
    }
    setReturning(false);
    onDecided(decision);
  }

  const update = (next: ClaimForm) => {
    setForm(next);
    setTouched(true);
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
          fieldError={fieldError && !fieldError.ok && fieldError.field ? { field: fieldError.field, message: fieldError.message } : null}
        />
      ) : (
        <>
          <ClaimFields code={item.indicator as IndicatorCode} form={form} onChange={update} disabled={sending} />
          <ErrorNotice message={fieldError && !fieldError.ok ? fieldError.message : null} />
        </>
      )}
      <View className="flows-info" aria-live="polite">
        <Text>
          {accepted.ok
            ? `审核通过将记录：${describeRecorded(item.indicator, accepted.value)}${
                changedFromDeclared(item.indicator, accepted.value, item.claimed) ? '（已修改，与申报不同）' : '（与申报一致）'
              }`
            : '审核通过前请先更正认定内容。'}
        </Text>
      </View>
      <ErrorNotice message={serverError} />
      <View className="flows-actions">
        <ActionButton type="primary" block disabled={sending} onPress={() => send('approved')} aria-label="审核通过">
          审核通过
        </ActionButton>
        <ActionButton block disabled={sending} onPress={() => send('reviewing')} aria-label="标记为审核中">
          标记为审核中（需核实）
        </ActionButton>
        <ActionButton block type="danger" fill="outline" disabled={sending} onPress={() => setReturning(true)} aria-label="退回">
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
