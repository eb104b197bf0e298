// The reviewing departments: codes and the names people read. Kept apart from the action schemas (zod) so that a
// screen that only names a department does not load the schema library.
import type { DepartmentCode } from '../scoring/types';

export const DEPARTMENT_CODES = [
  'public-security',
  'hrss',
  'housing',
  'education',
  'tax',
  'honours',
  'health',
  'civilization',
  'civil-affairs',
  'market-regulation',
] as const satisfies readonly DepartmentCode[];

export const DEPARTMENT_LABELS: Record<DepartmentCode, string> = {
  'public-security': '公安',
  hrss: '人力社保',
  housing: '住保房管',
  education: '教育',
  tax: '税务',
  honours: '荣誉颁发部门',
  health: '卫生健康',
  civilization: '市委宣传部（文明办）',
  'civil-affairs': '民政',
  'market-regulation': '市场监管（知识产权）',
};
