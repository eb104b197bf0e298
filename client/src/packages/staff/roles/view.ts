// Words for the 工作人员角色 page: roles, departments, who a staff account is, and one line per change in the trail.
// Pure functions, so the sentences are tested without rendering.
import {
  DEPARTMENT_LABELS,
  formatChineseDateTime,
  type DepartmentCode,
  type PersonRef,
  type RoleHistoryEntry,
  type StaffRole,
  type StaffRow,
} from '@hz-points/shared';

export type { PersonRef, StaffRole, StaffRow };
/** One change of the role trail (accounts.roleHistory). */
export type HistoryEntry = RoleHistoryEntry;

export const ROLE_LABELS: Record<StaffRole, string> = {
  reviewer: '审核员',
  'district-office': '区积分受理点',
  admin: '管理员',
};

/** What each role may do, said when granting and before revoking. */
export const ROLE_DUTIES: Record<StaffRole, string> = {
  reviewer: '审核本部门负责的积分指标',
  'district-office': '查看申请、确认书面委托、答复异议',
  admin: '管理年度批次、节假日安排和工作人员角色',
};

export function departmentLabel(d: DepartmentCode | null): string {
  return d ? (DEPARTMENT_LABELS[d] ?? d) : '';
}

/** 审核员（住保房管）, 区积分受理点, 管理员. */
export function roleText(role: StaffRole, department: DepartmentCode | null): string {
  return role === 'reviewer' && department
    ? `${ROLE_LABELS.reviewer}（${departmentLabel(department)}）`
    : ROLE_LABELS[role];
}

/** A staff account as a person reads it: the name with the masked ID number, or the system's initial account. */
export function whoText(p: PersonRef | { name: string | null; idNumber: string | null } | null): string {
  if (!p || !p.name) return '系统初始账号（未实名登记）';
  return p.idNumber ? `${p.name}（${p.idNumber}）` : p.name;
}

/** 2026年12月2日 10:00, Beijing time, from an ISO instant (the rules package's formatter). */
export const formatInstant = formatChineseDateTime;

/** One line of the trail: 「A为B（330***********0010）授予审核员（住保房管）角色」 / 「A撤销了B的…角色」. */
export function historyText(e: HistoryEntry): string {
  const role = roleText(e.role, e.department);
  return e.change === 'grant'
    ? `${whoText(e.by)}为${whoText(e.subject)}授予${role}角色`
    : `${whoText(e.by)}撤销了${whoText(e.subject)}的${role}角色`;
}
