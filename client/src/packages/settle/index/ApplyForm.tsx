// 提交落户申请: the district chosen and the three declarations (checked against the originals at the window), sent
// with settlement.apply. Without an active certificate of the year the button stays disabled.
import { Text, View } from '@tarojs/components';
import { URBAN_DISTRICTS } from '@hz-points/shared';
import { ActionButton, Checkbox, Field, FieldError, Radio, type FormErrors } from '../../../components/Form';
import { Section } from '../../apply/common/ui';
import type { Declarations } from './useSettlement';

export function ApplyForm(props: {
  form: FormErrors;
  district: string;
  setDistrict: (district: string) => void;
  declarations: Declarations;
  setDeclaration: (key: keyof Declarations, checked: boolean) => void;
  hasCertificate: boolean;
  sending: boolean;
  onApply: () => Promise<void>;
}) {
  const { form, sending } = props;
  return (
    <Section title="提交落户申请">
      <Field form={form} name="district" label="拟落户区">
        <Radio.Group
          value={props.district}
          onChange={(v) => {
            form.clear('district');
            props.setDistrict(String(v));
          }}
          direction="vertical"
          aria-label="拟落户区"
        >
          {URBAN_DISTRICTS.map((d) => (
            <Radio key={d} value={d}>
              {d}
            </Radio>
          ))}
        </Radio.Group>
      </Field>
      <Text className="flows-label">本人声明（窗口受理时核验原件）</Text>
      <Checkbox
        checked={props.declarations.permit}
        onChange={(checked) => props.setDeclaration('permit', checked)}
        label="持有有效的浙江省居住证（杭州市区）"
        aria-label="持有有效的浙江省居住证"
      />
      <Checkbox
        checked={props.declarations.capacity}
        onChange={(checked) => props.setDeclaration('capacity', checked)}
        label="具有完全民事行为能力"
        aria-label="具有完全民事行为能力"
      />
      <Checkbox
        checked={props.declarations.noHukou}
        onChange={(checked) => props.setDeclaration('noHukou', checked)}
        label="未在杭州市区落户"
        aria-label="未在杭州市区落户"
      />
      <FieldError form={form} name="submit" />
      <View className="flows-actions">
        <ActionButton
          type="primary"
          block
          loading={sending}
          disabled={sending || !props.hasCertificate}
          onPress={props.onApply}
          aria-label="提交落户申请"
        >
          {sending ? '正在提交…' : '提交落户申请'}
        </ActionButton>
      </View>
    </Section>
  );
}
