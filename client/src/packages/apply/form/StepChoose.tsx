// Step 1: which indicators to claim. Deductions are checked by the departments from their records, not claimed.
import { Text, View } from '@tarojs/components';
import { DEPARTMENT_LABELS, INDICATORS, type IndicatorCode } from '@hz-points/shared';
import { Checkbox, Field, type FormErrors } from '../../../components/Form';
import { CLAIMABLE, indicatorLabel } from '../common/claims';
import { Section } from '../common/ui';

export function StepChoose(props: {
  form: FormErrors;
  selected: IndicatorCode[];
  onToggle: (code: IndicatorCode, on: boolean) => void;
}) {
  return (
    <Section title="选择要申报的指标">
      <Text className="flows-muted">扣分项由公安等部门依据记录核查，无需申报。</Text>
      <Field form={props.form} name="indicators">
        {CLAIMABLE.map((code) => (
          <View key={code} className="flows-item">
            <Checkbox
              checked={props.selected.includes(code)}
              onChange={(on) => {
                props.form.clear('indicators');
                props.onToggle(code, on);
              }}
              aria-label={`申报${indicatorLabel(code)}`}
              label={
                <Text>
                  {indicatorLabel(code)}
                  <Text className="flows-muted">（{DEPARTMENT_LABELS[INDICATORS[code].department]}审核）</Text>
                </Text>
              }
            />
          </View>
        ))}
      </Field>
    </Section>
  );
}
