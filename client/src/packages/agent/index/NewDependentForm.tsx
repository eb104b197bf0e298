// 添加被监护人/亲属: name, ID number, the relation, declarations and both identity documents, checked with the
// function's own schema (AddDependentInput); each error under its control, the first brought into view.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { ACTION_INPUTS } from '@hz-points/shared';
import { ActionButton, Checkbox, Field, FieldError, Input, Radio, useFormErrors } from '../../../components/Form';
import { fieldErrors } from '../../../components/Form/validate';
import { IdNumberField, idNumberError } from '../../../components/IdNumberField';
import { call } from '../../apply/common/api';
import { EvidencePicker, type EvidenceFile } from '../../apply/common/EvidencePicker';
import { RELATION_LABELS, type Relation } from './model';
import type { AgentData } from './useAgentData';

export function NewDependentForm(props: { run: AgentData['run']; busy: boolean; onDone: () => void }) {
  const form = useFormErrors();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<Relation>('guardian');
  const [disabled, setDisabled] = useState(false);
  const [unable, setUnable] = useState(false);
  const [actorIdFile, setActorIdFile] = useState<EvidenceFile[]>([]);
  const [subjectIdFile, setSubjectIdFile] = useState<EvidenceFile[]>([]);

  async function submit() {
    const payload = {
      name: name.trim(),
      idNumber,
      relation,
      ...(disabled ? { disabled } : {}),
      ...(unable ? { unableToActInPerson: unable } : {}),
      actorIdentityFileId: actorIdFile[0]?.fileId ?? '',
      subjectIdentityFileId: subjectIdFile[0]?.fileId ?? '',
    };
    const errors = fieldErrors(ACTION_INPUTS.accounts.addDependent, payload);
    const shown = form.show({
      name: errors.name,
      idNumber: idNumberError(idNumber) ?? errors.idNumber,
      actorIdentityFileId: actorIdFile[0] ? null : '请上传您本人的身份证件',
      subjectIdentityFileId: subjectIdFile[0] ? null : '请上传被代办人的身份证件或户口簿',
    });
    if (shown) return;
    const refused = await props.run(call('accounts', 'addDependent', payload), `已添加${payload.name}`);
    if (refused) return form.fail('submit', refused);
    props.onDone();
  }

  return (
    <View>
      <Field form={form} name="name" label="姓名">
        <Input className="flows-input" value={name} onChange={(v: string) => (form.clear('name'), setName(v))} aria-label="被代办人姓名" />
      </Field>
      <IdNumberField form={form} name="idNumber" label="身份证号码" aria-label="被代办人身份证号码" value={idNumber} onChange={setIdNumber} />
      <Field form={form} name="relation" label="我是其">
        <Radio.Group value={relation} onChange={(v) => setRelation(v as Relation)} direction="vertical" aria-label="与被代办人的关系">
          {(Object.keys(RELATION_LABELS) as Relation[]).map((r) => (
            <Radio key={r} value={r}>
              {RELATION_LABELS[r]}
            </Radio>
          ))}
        </Radio.Group>
      </Field>
      <Checkbox checked={disabled} onChange={setDisabled} label="被代办人为残疾人" aria-label="被代办人为残疾人" />
      <Checkbox checked={unable} onChange={setUnable} label="被代办人行动不便，不能亲自办理" aria-label="被代办人不能亲自办理" />
      <Field form={form} name="actorIdentityFileId">
        <EvidencePicker label="本人身份证件" purpose="identity" max={1} value={actorIdFile} onChange={(v) => (form.clear('actorIdentityFileId'), setActorIdFile(v))} />
      </Field>
      <Field form={form} name="subjectIdentityFileId">
        <EvidencePicker
          label="被代办人身份证件（户口簿）"
          purpose="identity"
          max={1}
          value={subjectIdFile}
          onChange={(v) => (form.clear('subjectIdentityFileId'), setSubjectIdFile(v))}
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
