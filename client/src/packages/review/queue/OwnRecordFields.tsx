// The fields of an item a department confirms from its own records (age, deductions, veto): a date, counts or a
// yes/no, each with its visible label, the statement of what approving confirms, and its error right below it.
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Input, Radio } from '../../../components/Form';
import { fieldLabel, type ClaimForm } from '../../apply/common/claims';
import { ErrorNotice } from '../../apply/common/ui';
import { OWN_RECORD_FIELDS, OWN_RECORD_STATEMENTS, type OwnRecordIndicator } from './decision';

interface Props {
  code: OwnRecordIndicator;
  form: ClaimForm;
  onChange: (form: ClaimForm) => void;
  /** The message for one field (by key), shown beside that field. */
  fieldError?: { field: string; message: string } | null;
  disabled?: boolean;
}

export function OwnRecordFields({ code, form, onChange, fieldError, disabled }: Props) {
  const set = (key: string, v: string) => onChange({ ...form, [key]: v });
  return (
    <View className="flows-claim-fields">
      <Text className="flows-muted">{OWN_RECORD_STATEMENTS[code]}</Text>
      {OWN_RECORD_FIELDS[code].map((f) => {
        const label = fieldLabel(f.key);
        const error = fieldError?.field === f.key ? fieldError.message : null;
        return (
          <View key={f.key}>
            <Text className="flows-label">
              {label}
              {f.unit ? `（${f.unit}）` : ''}
            </Text>
            {f.kind === 'bool' ? (
              <Radio.Group value={String(form[f.key] ?? '')} onChange={(v) => set(f.key, String(v))} direction="horizontal" disabled={disabled} aria-label={label}>
                <Radio value="false">否</Radio>
                <Radio value="true">是</Radio>
              </Radio.Group>
            ) : (
              <Input
                className="flows-input"
                name={f.key}
                type={f.kind === 'int' ? 'number' : 'text'}
                value={String(form[f.key] ?? '')}
                placeholder={f.placeholder ?? `请输入${label}`}
                aria-label={label}
                disabled={disabled}
                onChange={(v) => set(f.key, v)}
              />
            )}
            <ErrorNotice message={error} />
          </View>
        );
      })}
    </View>
  );
}
