// The fields of one indicator's claim. Labels come from the rules package; every control has a visible label and
// an accessible name (../../../components/Form: the group names the question, each radio its own text), choices are radio groups with large targets (适老化).
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Radio } from '../../../components/Form';
import { HONOUR_LEVEL_LABELS, type IndicatorCode } from '@hz-points/shared';
import { CLAIM_FIELDS, fieldLabel, type ClaimForm } from './claims';

interface Props {
  code: IndicatorCode;
  form: ClaimForm;
  onChange: (form: ClaimForm) => void;
  disabled?: boolean;
}

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export function ClaimFields({ code, form, onChange, disabled }: Props) {
  const set = (key: string, v: ClaimForm[string]) => onChange({ ...form, [key]: v });
  return (
    <View className="flows-claim-fields">
      {(CLAIM_FIELDS[code] ?? []).map((f) => {
        const label = fieldLabel(f.key);
        if (f.kind === 'bool' || f.kind === 'enum') {
          const options = f.kind === 'bool' ? YES_NO : (f.options ?? []);
          return (
            <View key={f.key}>
              <Text className="flows-label" id={`lbl-${f.key}`}>
                {label}
              </Text>
              <Radio.Group
                value={String(form[f.key] ?? '')}
                onChange={(v) => set(f.key, String(v))}
                direction="vertical"
                disabled={disabled}
                aria-label={label}
              >
                {options.map((o) => (
                  <Radio key={o.value} value={o.value}>
                    {o.label}
                  </Radio>
                ))}
              </Radio.Group>
            </View>
          );
        }
        if (f.kind === 'honours') {
          const list = (form[f.key] as { level: string; matter: string }[]) ?? [];
          return (
            <View key={f.key}>
              <Text className="flows-label">{label}（每项荣誉只按最高级别计分）</Text>
              {list.map((h, i) => (
                <View key={i} className="flows-item">
                  <Radio.Group
                    value={h.level}
                    direction="horizontal"
                    disabled={disabled}
                    aria-label={`第${i + 1}项荣誉级别`}
                    onChange={(v) =>
                      set(
                        f.key,
                        list.map((x, j) => (j === i ? { ...x, level: String(v) } : x)),
                      )
                    }
                  >
                    {Object.entries(HONOUR_LEVEL_LABELS).map(([value, text]) => (
                      <Radio key={value} value={value}>
                        {text}
                      </Radio>
                    ))}
                  </Radio.Group>
                  <Input
                    className="flows-input"
                    value={h.matter}
                    placeholder="荣誉事项名称"
                    aria-label={`第${i + 1}项荣誉事项`}
                    disabled={disabled}
                    onChange={(v) =>
                      set(
                        f.key,
                        list.map((x, j) => (j === i ? { ...x, matter: v } : x)),
                      )
                    }
                  />
                </View>
              ))}
              {disabled ? null : (
                <Button size="small" onClick={() => set(f.key, [...list, { level: 'city', matter: '' }])}>
                  增加一项荣誉
                </Button>
              )}
            </View>
          );
        }
        if (f.kind === 'patents') {
          const list = (form[f.key] as { firstPatentee: string }[]) ?? [];
          return (
            <View key={f.key}>
              <Text className="flows-label">
                {label}（共{list.length}项）
              </Text>
              {list.map((p, i) => (
                <Radio.Group
                  key={i}
                  value={p.firstPatentee}
                  direction="horizontal"
                  disabled={disabled}
                  aria-label={`第${i + 1}项专利是否第一专利权人`}
                  onChange={(v) =>
                    set(
                      f.key,
                      list.map((x, j) => (j === i ? { firstPatentee: String(v) } : x)),
                    )
                  }
                >
                  <Text className="flows-muted">第{i + 1}项：</Text>
                  <Radio value="true">第一专利权人</Radio>
                  <Radio value="false">共同专利权人</Radio>
                </Radio.Group>
              ))}
              {disabled ? null : (
                <Button size="small" onClick={() => set(f.key, [...list, { firstPatentee: 'true' }])}>
                  增加一项专利
                </Button>
              )}
            </View>
          );
        }
        return (
          <View key={f.key}>
            <Text className="flows-label">
              {label}
              {f.unit ? `（${f.unit}）` : ''}
            </Text>
            <Input
              className="flows-input"
              name={f.key}
              type={f.kind === 'date' ? 'text' : f.kind === 'int' ? 'number' : 'digit'}
              value={String(form[f.key] ?? '')}
              placeholder={f.placeholder ?? `请输入${label}`}
              aria-label={label}
              disabled={disabled}
              onChange={(v) => set(f.key, v)}
            />
          </View>
        );
      })}
    </View>
  );
}
