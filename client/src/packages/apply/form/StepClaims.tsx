// Step 2, one indicator at a time: what is claimed (its fields, checked with the profile schema's own rules).
import { Text } from '@tarojs/components';
import { INDICATORS, type IndicatorCode } from '@hz-points/shared';
import { Field, type FormErrors } from '../../../components/Form';
import { ClaimFields } from '../common/ClaimFields';
import type { ClaimForm } from '../common/claims';

export function StepClaims(props: {
  form: FormErrors;
  code: IndicatorCode;
  value: ClaimForm;
  onChange: (form: ClaimForm) => void;
}) {
  return (
    <>
      <Text className="flows-muted">{INDICATORS[props.code].summary}</Text>
      <Field form={props.form} name="claim">
        <ClaimFields
          code={props.code}
          form={props.value}
          onChange={(f) => {
            props.form.clear('claim');
            props.onChange(f);
          }}
        />
      </Field>
    </>
  );
}
