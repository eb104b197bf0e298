// Step 3: everything claimed, each value next to its evidence, read once more before the 个人承诺 — the person signs
// for what they see, not for 「文化程度 1份材料」.
import { Text, View } from '@tarojs/components';
import type { IndicatorCode } from '@hz-points/shared';
import { Checkbox, Field, type FormErrors } from '../../../components/Form';
import { describeValue, emptyClaimForm, indicatorLabel, toClaimValue, type ClaimForm } from '../common/claims';
import type { EvidenceFile } from '../common/EvidencePicker';
import { Section } from '../common/ui';

interface Props {
  form: FormErrors;
  selected: IndicatorCode[];
  forms: Partial<Record<IndicatorCode, ClaimForm>>;
  files: Partial<Record<IndicatorCode, EvidenceFile[]>>;
  commitment: boolean;
  onCommitment: (on: boolean) => void;
}

export function StepCommitment(props: Props) {
  return (
    <>
      <Section title="申报内容确认">
        {props.selected.map((code) => {
          const value = toClaimValue(code, props.forms[code] ?? emptyClaimForm(code));
          const evidence = props.files[code] ?? [];
          return (
            <View
              key={code}
              className="flows-item"
              aria-label={`${indicatorLabel(code)}：申报内容和证明材料`}
              role="group"
            >
              <Text className="flows-item__title">{indicatorLabel(code)}</Text>
              <View className="flows-row">
                <Text className="flows-row__label">申报内容</Text>
                <Text className="flows-row__value">
                  {value.ok ? describeValue(code, value.value) : `未填写完整：${value.message}`}
                </Text>
              </View>
              <View className="flows-row">
                <Text className="flows-row__label">证明材料</Text>
                <Text className="flows-row__value">
                  {evidence.length === 0
                    ? '未上传'
                    : `${evidence.length}份材料：${evidence.map((f) => f.name).join('、')}`}
                </Text>
              </View>
            </View>
          );
        })}
      </Section>
      <Section title="个人承诺书">
        <Text className="flows-muted">
          本人承诺所填报的信息和提交的材料真实、准确、有效。如有弄虚作假，自愿承担积分作废、5年内不得再次申请等相应责任。
        </Text>
        <Field form={props.form} name="commitment">
          <Checkbox
            checked={props.commitment}
            onChange={(v) => {
              props.form.clear('commitment');
              props.onCommitment(v);
            }}
            aria-label="我已阅读并同意个人承诺书"
            label="我已阅读并同意《个人承诺书》"
          />
        </Field>
      </Section>
    </>
  );
}
