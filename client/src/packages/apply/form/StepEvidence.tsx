// Step 2, the same indicator's evidence: what the department asks for, then the files (photo, album or PDF).
import { Text } from '@tarojs/components';
import { INDICATORS, type IndicatorCode } from '@hz-points/shared';
import { Field, type FormErrors } from '../../../components/Form';
import { EvidencePicker, type EvidenceFile } from '../common/EvidencePicker';

export function StepEvidence(props: {
  form: FormErrors;
  code: IndicatorCode;
  files: EvidenceFile[];
  onBehalfOf?: string;
  onChange: (files: EvidenceFile[]) => void;
}) {
  return (
    <Field form={props.form} name="evidence">
      <Text className="flows-label">所需材料：{INDICATORS[props.code].evidence.join('；')}</Text>
      <EvidencePicker
        label="证明材料"
        value={props.files}
        onBehalfOf={props.onBehalfOf}
        onChange={(list) => {
          props.form.clear('evidence');
          props.onChange(list);
        }}
      />
    </Field>
  );
}
