// 新增员工委托: the employee's name and ID number, the employer, the written entrustment and both identity documents.
// Checked with the function's own schema (CreateEntrustmentInput) before sending; each error appears under its
// control and the first is brought into view — this form is long, and the button is at its very end.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { ACTION_INPUTS } from '@hz-points/shared';
import { ActionButton, Field, FieldError, Input, useFormErrors } from '../../../components/Form';
import { fieldErrors } from '../../../components/Form/validate';
import { IdNumberField, idNumberError } from '../../../components/IdNumberField';
import { call } from '../../apply/common/api';
import { EvidencePicker, type EvidenceFile } from '../../apply/common/EvidencePicker';
import type { AgentData } from './useAgentData';

export function NewEntrustmentForm(props: { run: AgentData['run']; busy: boolean; onDone: () => void }) {
  const form = useFormErrors();
  const [empName, setEmpName] = useState('');
  const [empId, setEmpId] = useState('');
  const [employer, setEmployer] = useState('');
  const [entFile, setEntFile] = useState<EvidenceFile[]>([]);
  const [empIdFile, setEmpIdFile] = useState<EvidenceFile[]>([]);
  const [agentIdFile, setAgentIdFile] = useState<EvidenceFile[]>([]);

  const typed = (set: (v: string) => void, name: string) => (v: string) => {
    form.clear(name);
    set(v);
  };
  const picked = (set: (v: EvidenceFile[]) => void, name: string) => (v: EvidenceFile[]) => {
    form.clear(name);
    set(v);
  };

  async function submit() {
    const payload = {
      employeeName: empName.trim(),
      employeeIdNumber: empId,
      employerName: employer.trim(),
      entrustmentFileId: entFile[0]?.fileId ?? '',
      employeeIdentityFileId: empIdFile[0]?.fileId ?? '',
      agentIdentityFileId: agentIdFile[0]?.fileId ?? '',
    };
    const errors = fieldErrors(ACTION_INPUTS.accounts.createEntrustment, payload);
    // In page order; uploads say what to upload, the ID number also refuses a birth date after today.
    const shown = form.show({
      employeeName: errors.employeeName,
      employeeIdNumber: idNumberError(empId) ?? errors.employeeIdNumber,
      employerName: errors.employerName,
      entrustmentFileId: entFile[0] ? null : '请上传员工签字的书面委托书（PDF或照片）',
      employeeIdentityFileId: empIdFile[0] ? null : '请上传员工的身份证件',
      agentIdentityFileId: agentIdFile[0] ? null : '请上传经办人（您本人）的身份证件',
    });
    if (shown) return;
    const refused = await props.run(
      call('accounts', 'createEntrustment', payload),
      '委托已提交，待员工本人在小程序中确认（或到区积分受理点核验纸质委托书）后生效',
    );
    if (refused) return form.fail('submit', refused);
    props.onDone();
  }

  return (
    <View>
      <Field form={form} name="employeeName" label="员工姓名">
        <Input className="flows-input" value={empName} onChange={typed(setEmpName, 'employeeName')} aria-label="员工姓名" placeholder="与身份证一致" />
      </Field>
      <IdNumberField form={form} name="employeeIdNumber" label="员工身份证号码" aria-label="员工身份证号码" value={empId} onChange={setEmpId} />
      <Field form={form} name="employerName" label="单位名称">
        <Input className="flows-input" value={employer} onChange={typed(setEmployer, 'employerName')} aria-label="单位名称" />
      </Field>
      <Field form={form} name="entrustmentFileId">
        <EvidencePicker label="书面委托书" purpose="entrustment" max={1} value={entFile} onChange={picked(setEntFile, 'entrustmentFileId')} />
      </Field>
      <Field form={form} name="employeeIdentityFileId">
        <EvidencePicker label="员工身份证件" purpose="identity" max={1} value={empIdFile} onChange={picked(setEmpIdFile, 'employeeIdentityFileId')} />
      </Field>
      <Field form={form} name="agentIdentityFileId">
        <EvidencePicker label="经办人身份证件" purpose="identity" max={1} value={agentIdFile} onChange={picked(setAgentIdFile, 'agentIdentityFileId')} />
      </Field>
      <FieldError form={form} name="submit" />
      <View className="flows-actions">
        <ActionButton type="primary" block disabled={props.busy} onPress={submit} aria-label="提交委托">
          提交委托
        </ActionButton>
      </View>
    </View>
  );
}
