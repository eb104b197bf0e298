// 新增员工委托: the employee's name and ID number, the employer, the written entrustment and both identity documents.
// Checked with the function's own schema (CreateEntrustmentInput) before sending; each error appears under its
// control and the first is brought into view — this form is long, and the button is at its very end.
import { View } from '@tarojs/components';
import { ACTION_INPUTS } from '@hz-points/shared';
import { ActionButton, Field, FieldError, Input } from '../../../components/Form';
import { fieldErrors } from '../../../components/Form/validate';
import { IdNumberField, idNumberError } from '../../../components/IdNumberField';
import { call } from '../../apply/common/api';
import { EvidencePicker, type EvidenceFile } from '../../apply/common/EvidencePicker';
import { useAgentForm, type AgentFormProps } from './useAgentForm';

const EMPTY = {
  employeeName: '',
  employeeIdNumber: '',
  employerName: '',
  entrustmentFileId: [] as EvidenceFile[],
  employeeIdentityFileId: [] as EvidenceFile[],
  agentIdentityFileId: [] as EvidenceFile[],
};

export function NewEntrustmentForm(props: AgentFormProps) {
  const { form, values: v, change, send } = useAgentForm(EMPTY, props);

  async function submit() {
    const payload = {
      employeeName: v.employeeName.trim(),
      employeeIdNumber: v.employeeIdNumber,
      employerName: v.employerName.trim(),
      entrustmentFileId: v.entrustmentFileId[0]?.fileId ?? '',
      employeeIdentityFileId: v.employeeIdentityFileId[0]?.fileId ?? '',
      agentIdentityFileId: v.agentIdentityFileId[0]?.fileId ?? '',
    };
    const errors = fieldErrors(ACTION_INPUTS.accounts.createEntrustment, payload);
    // In page order; uploads say what to upload, the ID number also refuses a birth date after today.
    const shown = form.show({
      employeeName: errors.employeeName,
      employeeIdNumber: idNumberError(v.employeeIdNumber) ?? errors.employeeIdNumber,
      employerName: errors.employerName,
      entrustmentFileId: v.entrustmentFileId[0] ? null : '请上传员工签字的书面委托书（PDF或照片）',
      employeeIdentityFileId: v.employeeIdentityFileId[0] ? null : '请上传员工的身份证件',
      agentIdentityFileId: v.agentIdentityFileId[0] ? null : '请上传经办人（您本人）的身份证件',
    });
    if (shown) return;
    await send(
      call('accounts', 'createEntrustment', payload),
      '委托已提交，待员工本人在小程序中确认（或到区积分受理点核验纸质委托书）后生效',
    );
  }

  return (
    <View>
      <Field form={form} name="employeeName" label="员工姓名">
        <Input
          className="flows-input"
          value={v.employeeName}
          onChange={change('employeeName')}
          aria-label="员工姓名"
          placeholder="与身份证一致"
        />
      </Field>
      <IdNumberField
        form={form}
        name="employeeIdNumber"
        label="员工身份证号码"
        aria-label="员工身份证号码"
        value={v.employeeIdNumber}
        onChange={change('employeeIdNumber')}
      />
      <Field form={form} name="employerName" label="单位名称">
        <Input className="flows-input" value={v.employerName} onChange={change('employerName')} aria-label="单位名称" />
      </Field>
      <Field form={form} name="entrustmentFileId">
        <EvidencePicker
          label="书面委托书"
          purpose="entrustment"
          max={1}
          value={v.entrustmentFileId}
          onChange={change('entrustmentFileId')}
        />
      </Field>
      <Field form={form} name="employeeIdentityFileId">
        <EvidencePicker
          label="员工身份证件"
          purpose="identity"
          max={1}
          value={v.employeeIdentityFileId}
          onChange={change('employeeIdentityFileId')}
        />
      </Field>
      <Field form={form} name="agentIdentityFileId">
        <EvidencePicker
          label="经办人身份证件"
          purpose="identity"
          max={1}
          value={v.agentIdentityFileId}
          onChange={change('agentIdentityFileId')}
        />
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
