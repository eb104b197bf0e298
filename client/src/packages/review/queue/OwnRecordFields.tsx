// The fields of an item a department confirms from its own records (age, deductions, veto): a date, counts or a
// yes/no, each with its visible label, the statement of what approving confirms, and its error right below it
// (components/Form's Field: the control is marked invalid, and the error is scrolled into view and focused when the
// reviewer presses 审核通过).
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Field, Input, Radio, type FormErrors } from '../../../components/Form';
import { fieldLabel, type ClaimForm } from '../../apply/common/claims';
import { OWN_RECORD_FIELDS, OWN_RECORD_STATEMENTS, type OwnRecordIndicator } from './decision';

interface Props {
  code: OwnRecordIndicator;
  form: ClaimForm;
  onChange: (form: ClaimForm) => void;
  /** The panel's errors: a field's error (by key) shows under that field. */
  errors: FormErrors;
  /** The check run as the reviewer edits (not focused: it follows the typing), by key. */
  liveError?: { field: string; message: string } | null;
  disabled?: boolean;
}

export function OwnRecordFields({ code, form, onChange, errors, liveError, disabled }: Props) {
  const set = (key: string, v: string) => onChange({ ...form, [key]: v });
  return (
    <View className="flows-claim-fields">
      <Text className="flows-muted">{OWN_RECORD_STATEMENTS[code]}</Text>
      {OWN_RECORD_FIELDS[code].map((f) => {
        const label = fieldLabel(f.key);
        return (
          <Field
            key={f.key}
            form={errors}
            name={f.key}
            label={`${label}${f.unit ? `（${f.unit}）` : ''}`}
            error={liveError?.field === f.key ? liveError.message : null}
          >
            {f.kind === 'bool' ? (
              <Radio.Group
                value={String(form[f.key] ?? '')}
                onChange={(v) => set(f.key, String(v))}
                direction="horizontal"
                disabled={disabled}
                aria-label={label}
              >
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
          </Field>
        );
      })}
    </View>
  );
}
