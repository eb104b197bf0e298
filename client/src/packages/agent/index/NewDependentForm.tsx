// 添加被监护人/亲属: name, ID number, the relation, declarations and both identity documents, checked with the
// function's own schema (AddDependentInput); each error under its control, the first brought into view.
import { View } from '@tarojs/components';
import { ACTION_INPUTS } from '@hz-points/shared';
import { ActionButton, Checkbox, Field, FieldError, Input, Radio } from '../../../components/Form';
import { fieldErrors } from '../../../components/Form/validate';
import { IdNumberField, idNumberError } from '../../../components/IdNumberField';
import { call } from '../../apply/common/api';
import { EvidencePicker, type EvidenceFile } from '../../apply/common/EvidencePicker';
import { RELATION_LABELS, type Relation } from './model';
import { useAgentForm, type AgentFormProps } from './useAgentForm';

const EMPTY = {
  name: '',
  idNumber: '',
  relation: 'guardian' as Relation,
  disabled: false,
  unableToActInPerson: false,
  actorIdentityFileId: [] as EvidenceFile[],
  subjectIdentityFileId: [] as EvidenceFile[],
};

export function NewDependentForm(props: AgentFormProps) {
  const { form, values: v, change, send } = useAgentForm(EMPTY, props);

  async function submit() {
    const payload = {
      name: v.name.trim(),
      idNumber: v.idNumber,
      relation: v.relation,
      ...(v.disabled ? { disabled: v.disabled } : {}),
      ...(v.unableToActInPerson ? { unableToActInPerson: v.unableToActInPerson } : {}),
      actorIdentityFileId: v.actorIdentityFileId[0]?.fileId ?? '',
      subjectIdentityFileId: v.subjectIdentityFileId[0]?.fileId ?? '',
    };
    const errors = fieldErrors(ACTION_INPUTS.accounts.addDependent, payload);
    const shown = form.show({
      name: errors.name,
      idNumber: idNumberError(v.idNumber) ?? errors.idNumber,
      actorIdentityFileId: v.actorIdentityFileId[0] ? null : '请上传您本人的身份证件',
      subjectIdentityFileId: v.subjectIdentityFileId[0] ? null : '请上传被代办人的身份证件或户口簿',
    });
    if (shown) return;
    await send(call('accounts', 'addDependent', payload), `已添加${payload.name}`);
  }

  return (
    <View>
      <Field form={form} name="name" label="姓名">
        <Input className="flows-input" value={v.name} onChange={change('name')} aria-label="被代办人姓名" />
      </Field>
      <IdNumberField
        form={form}
        name="idNumber"
        label="身份证号码"
        aria-label="被代办人身份证号码"
        value={v.idNumber}
        onChange={change('idNumber')}
      />
      <Field form={form} name="relation" label="我是其">
        <Radio.Group
          value={v.relation}
          onChange={(r) => change('relation')(r as Relation)}
          direction="vertical"
          aria-label="与被代办人的关系"
        >
          {(Object.keys(RELATION_LABELS) as Relation[]).map((r) => (
            <Radio key={r} value={r}>
              {RELATION_LABELS[r]}
            </Radio>
          ))}
        </Radio.Group>
      </Field>
      <Checkbox
        checked={v.disabled}
        onChange={change('disabled')}
        label="被代办人为残疾人"
        aria-label="被代办人为残疾人"
      />
      <Checkbox
        checked={v.unableToActInPerson}
        onChange={change('unableToActInPerson')}
        label="被代办人行动不便，不能亲自办理"
        aria-label="被代办人不能亲自办理"
      />
      <Field form={form} name="actorIdentityFileId">
        <EvidencePicker
          label="本人身份证件"
          purpose="identity"
          max={1}
          value={v.actorIdentityFileId}
          onChange={change('actorIdentityFileId')}
        />
      </Field>
      <Field form={form} name="subjectIdentityFileId">
        <EvidencePicker
          label="被代办人身份证件（户口簿）"
          purpose="identity"
          max={1}
          value={v.subjectIdentityFileId}
          onChange={change('subjectIdentityFileId')}
        />
      </Field>
      <FieldError form={form} name="submit" />
      <View className="flows-actions">
        <ActionButton type="primary" block disabled={props.busy} onPress={submit} aria-label="添加">
          添加
        </ActionButton>
      </View>
    </View>
  );
}
