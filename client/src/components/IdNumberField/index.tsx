// The one ID-number field (公民身份号码), used wherever a number is typed. It cleans what is typed or pasted (spaces
// anywhere, full-width digits and Ｘ, a lower-case x) before keeping it, so a pasted number that starts with a space
// keeps all 18 characters (the old fields cut the raw text at 18 and lost the last digit); and it checks the number
// with the rules package's parseIdNumber (GB 11643 structure, region, check character) against today's Beijing date,
// so a birth date in the future is refused here, with the reason beside the field.
import { useState } from 'react';
import { beijingDate, parseIdNumber } from '@hz-points/shared';
import { Field, Input, type FormErrors } from '../Form';
import { nowInstant } from '../../lib/clock';

/** Room for a number pasted with spaces (e.g. 6-8-4 groups); the checked value is always the cleaned one. */
const RAW_MAX_LENGTH = 30;

/** Removes every kind of space, turns full-width digits / Ｘ into ASCII and x into X. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\s\u00a0\u2000-\u200b\u3000\ufeff]/g, '')
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[xＸｘ]/g, 'X');
}

/** The Chinese reason a (cleaned) number is refused, or null when it is a valid number of someone born by `today`. */
export function idNumberError(value: string, today: string = beijingDate(nowInstant())): string | null {
  const parsed = parseIdNumber(normaliseIdNumber(value), { on: today });
  return parsed.valid ? null : parsed.reason;
}

interface IdNumberInputProps {
  value?: string;
  onChange: (value: string) => void;
  'aria-label': string;
  placeholder?: string;
  className?: string;
  /** Called as the person leaves the field with the reason, or null (a half-typed number is not judged earlier). */
  onCheck?: (error: string | null) => void;
}

/** The bare input (for forms that lay out their own label and error, e.g. nutui Form.Item). */
export function IdNumberInput(props: IdNumberInputProps) {
  return (
    <Input
      className={props.className ?? 'flows-input'}
      type="idcard"
      value={props.value}
      placeholder={props.placeholder ?? '18位身份证号码'}
      maxLength={RAW_MAX_LENGTH}
      aria-label={props['aria-label']}
      onChange={(v: string) => props.onChange(normaliseIdNumber(v))}
      onBlur={() => {
        if (props.value) props.onCheck?.(idNumberError(props.value));
      }}
    />
  );
}

interface IdNumberFieldProps extends Omit<IdNumberInputProps, 'onCheck'> {
  form: FormErrors;
  name: string;
  label: string;
}

/** Label, input and its error beside it; the form's own error (on submit) wins over the check on leaving. */
export function IdNumberField(props: IdNumberFieldProps) {
  const { form, name, label, ...input } = props;
  const [checked, setChecked] = useState<string | null>(null);
  return (
    <Field form={form} name={name} label={label} error={form.errors[name] ? null : checked}>
      <IdNumberInput
        {...input}
        onChange={(v) => {
          if (checked) setChecked(null);
          form.clear(name);
          input.onChange(v);
        }}
        onCheck={setChecked}
      />
    </Field>
  );
}
