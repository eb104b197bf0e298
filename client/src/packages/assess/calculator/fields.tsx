// Controlled field widgets for nutui's Form.Item (it passes `value` and `onChange`). Each shows its value in words,
// with big touch targets; pickers open from a tap on the row.
import { cloneElement, useState, type ReactElement } from 'react';
import { Text, View } from '@tarojs/components';
import { DatePicker, Form, Picker } from '@nutui/nutui-react-taro';
import { formatChineseDate } from '@hz-points/shared';
import { Input, InputNumber, Radio } from '../../../components/Form';
import '@nutui/nutui-react-taro/dist/es/packages/picker/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/inputnumber/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';

export interface Option {
  label: string;
  value: string;
}

interface FieldProps<T> {
  value?: T;
  onChange?: (value: T) => void;
}

/**
 * A picker's open state. The picker itself is mounted on first use only, then kept (so it can animate closed): a
 * closed nutui picker still builds its columns and popup, and the calculator has six of them on its first screen
 * (on a slow phone that was a good part of the time before the total showed).
 */
function usePickerState(): { open: boolean; used: boolean; show: () => void; hide: () => void } {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return {
    open,
    used,
    show: () => {
      setUsed(true);
      setOpen(true);
    },
    hide: () => setOpen(false),
  };
}

export function SelectField({
  value = '',
  onChange,
  options,
  title,
  placeholder = '请选择',
}: FieldProps<string> & { options: Option[]; title: string; placeholder?: string }) {
  const { open, used, show, hide } = usePickerState();
  const setOpen = (on: boolean) => (on ? show() : hide());
  const current = options.find((o) => o.value === value);
  return (
    <View className="hz-select">
      <View
        className="hz-select__value"
        role="button"
        ariaRole="button"
        ariaLabel={`${title}：${current?.label ?? placeholder}，点击选择`}
        onClick={() => setOpen(true)}
      >
        <Text className={current ? '' : 'hz-select__placeholder'}>{current?.label ?? placeholder}</Text>
        <Text className="hz-select__arrow" aria-hidden>
          ›
        </Text>
      </View>
      {used && (
        <Picker
          visible={open}
          title={title}
          options={[options.map((o) => ({ label: o.label, value: o.value }))]}
          value={[value || options[0]?.value || '']}
          onConfirm={(_: unknown, values: (string | number | null)[]) => {
            setOpen(false);
            onChange?.(String(values[0] ?? ''));
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </View>
  );
}

function toDate(s: string, fallback: Date): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : fallback;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Birth date: a date picker bounded by `maxDate` (today) — the page passes both bounds as Beijing dates. */
export function DateField({
  value = '',
  onChange,
  title,
  minDate,
  maxDate,
}: FieldProps<string> & { title: string; minDate: string; maxDate: string }) {
  const { open, used, show, hide } = usePickerState();
  const setOpen = (on: boolean) => (on ? show() : hide());
  const end = toDate(maxDate, new Date(2000, 0, 1));
  const start = toDate(minDate, new Date(1930, 0, 1));
  const label = formatChineseDate(value);
  return (
    <View className="hz-select">
      <View
        className="hz-select__value"
        role="button"
        ariaRole="button"
        ariaLabel={`${title}：${label || '请选择出生日期'}，点击选择`}
        onClick={() => setOpen(true)}
      >
        <Text className={label ? '' : 'hz-select__placeholder'}>{label || '请选择出生日期'}</Text>
        <Text className="hz-select__arrow" aria-hidden>
          ›
        </Text>
      </View>
      {used && (
        <DatePicker
          visible={open}
          title={title}
          type="date"
          showChinese
          startDate={start}
          endDate={end}
          value={toDate(value, new Date(1990, 0, 1))}
          onConfirm={(_: unknown, values: (string | number | null)[]) => {
            setOpen(false);
            const [y, m, d] = values;
            if (y != null && m != null && d != null) onChange?.(`${y}-${pad(m)}-${pad(d)}`);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </View>
  );
}

/** `ariaLabel`: the question, for screen readers (the page's item() passes the row's label). */
export function YesNoField({
  value = '',
  onChange,
  yes = '是',
  no = '否',
  ariaLabel = '',
}: FieldProps<string> & { yes?: string; no?: string; ariaLabel?: string }) {
  return (
    <Radio.Group
      value={value}
      direction="horizontal"
      aria-label={ariaLabel}
      onChange={(v: string | number | boolean) => onChange?.(String(v))}
    >
      <Radio value="yes" shape="button">
        {yes}
      </Radio>
      <Radio value="no" shape="button">
        {no}
      </Radio>
    </Radio.Group>
  );
}

/** Free numeric entry (months, yuan, ml, hours): the schema, not the widget, decides what is valid. */
export function NumberField({
  value = '',
  onChange,
  placeholder,
  unit,
  ariaLabel,
}: FieldProps<string> & { placeholder?: string; unit?: string; ariaLabel: string }) {
  return (
    <View className="hz-number">
      <Input
        className="hz-number__input"
        type="digit"
        value={value}
        placeholder={placeholder ?? '未填写'}
        clearable
        aria-label={ariaLabel}
        onChange={(v: string) => onChange?.(v)}
      />
      {unit && <Text className="hz-number__unit">{unit}</Text>}
    </View>
  );
}

/** Small whole counts (years, times): a stepper with big +/- buttons. Empty means "not filled". */
export function StepperField({
  value = '',
  onChange,
  max = 100,
  unit,
  ariaLabel = '',
}: FieldProps<string> & { max?: number; unit?: string; ariaLabel?: string }) {
  return (
    <View className="hz-number">
      <InputNumber
        aria-label={ariaLabel}
        value={value === '' ? 0 : Number(value)}
        min={0}
        max={max}
        onChange={(v: string | number) => onChange?.(String(v))}
      />
      {unit && <Text className="hz-number__unit">{unit}</Text>}
    </View>
  );
}

/** A profile field's error, announced, under its row. */
export function FieldError({ message }: { message?: string }) {
  return message ? (
    <View className="hz-field-error" role="alert" ariaRole="alert">
      ⚠ {message}
    </View>
  ) : null;
}

/**
 * One labelled row of the calculator or pathways form, with its error. The row's label also names the control for
 * screen readers (nutui's Form.Item label is not a <label>), unless the widget brings its own `ariaLabel`.
 */
export function FieldRow(props: {
  name: string;
  label: string;
  error?: string;
  required?: boolean;
  children: ReactElement;
}) {
  const { name, label, error, required, children } = props;
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        align="center"
        required={required}
        className={`hz-field hz-field--${name}${error ? ' hz-field--error' : ''}`}
      >
        {cloneElement(children, { ariaLabel: (children.props as { ariaLabel?: string }).ariaLabel ?? label })}
      </Form.Item>
      <FieldError message={error} />
    </>
  );
}
