// Chinese names of input fields, so a validation error can say which field is wrong ("身份证号码：…").
import { z } from 'zod';
import { PROFILE_FIELD_LABELS } from '../scoring/profile';

export const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  name: '姓名',
  idNumber: '身份证号码',
  privacyConsent: '隐私政策同意',
  policyVersion: '隐私政策版本',
  agreed: '同意',
  confirm: '确认',
  phone: '手机号码',
  relation: '关系',
  disabled: '残疾情况',
  unableToActInPerson: '能否亲自办理',
  actorIdentityFileId: '代办人身份证件',
  subjectIdentityFileId: '被代办人身份证件',
  onBehalfOf: '办理对象',
  employeeName: '员工姓名',
  employeeIdNumber: '员工身份证号码',
  employerName: '单位名称',
  entrustmentFileId: '委托书',
  employeeIdentityFileId: '员工身份证件',
  agentIdentityFileId: '经办人身份证件',
  entrustmentId: '委托记录',
  openid: '用户标识',
  personId: '人员',
  role: '角色',
  department: '审核部门',
  staffId: '工作人员',
  purpose: '材料用途',
  fileId: '材料',
  year: '年度',
  applicationId: '申请',
  claims: '申报指标',
  indicator: '指标',
  indicators: '异议指标',
  value: '申报内容',
  evidence: '证明材料',
  commitment: '个人承诺',
  requestId: '请求编号',
  itemId: '审核事项',
  decision: '审核结论',
  acceptedValue: '认定内容',
  reason: '理由',
  status: '状态',
  limit: '每页条数',
  skip: '跳过条数',
  objectionId: '异议',
  reply: '答复意见',
  changes: '调整事项',
  // certificates, rounds and settlement
  residencePermitNo: '居住证号码',
  serial: '凭证编号',
  signature: '电子签名',
  payload: '凭证二维码内容',
  mode: '划线方式',
  quota: '落户指标数',
  threshold: '录取分数线',
  district: '拟落户区',
  declarations: '申请人声明',
  validResidencePermit: '持有效居住证',
  fullCivilCapacity: '具有完全民事行为能力',
  hasUrbanHangzhouHukou: '已有杭州市区户籍',
  cutoffDate: '指标截止日',
  pointsApplicationCloses: '积分申请截止日',
  settlementOpens: '落户申请开始日',
  settlementCloses: '落户申请截止日',
  path: '路径',
  // calendar years registered by an administrator
  holidays: '放假日期',
  workdays: '调休上班日期',
  source: '通知来源',
};

/** The Chinese label of the deepest named field on an issue path (array indexes are skipped). */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') {
      return FIELD_LABELS[key] ?? (PROFILE_FIELD_LABELS as Record<string, string>)[key] ?? key;
    }
  }
  return undefined;
}

/**
 * One Chinese sentence for the first issue of a failed parse, naming the field: the client shows it beside the
 * form and the cloud functions return it as the error message. Messages come from zod's zh-CN locale unless a
 * schema gave its own.
 */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '填写的信息有误';
  if (issue.code === 'unrecognized_keys') {
    return `不接受的字段：${issue.keys.join('、')}`;
  }
  const label = fieldLabel(issue.path);
  // Profile schema messages already start with the field name ("合法租赁年数不能为负数").
  if (!label || issue.message.startsWith(label)) return issue.message;
  return `${label}：${issue.message}`;
}

/** Zod's Chinese locale, passed per parse (never set globally, so importing this package has no side effect). */
export const zhErrorMap = z.locales.zhCN().localeError;

export function parseZh<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(input, { error: zhErrorMap });
}
