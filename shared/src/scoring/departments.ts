// The one department table: the code used by rule data, reviewer accounts and the UI, the name users read, and
// what each department reviews (docs/CONTRACTS.md "Departments"). DepartmentCode, DEPARTMENT_CODES and
// DEPARTMENT_LABELS are all derived from it.
const TABLE = {
  'public-security': { name: '公安', reviews: '年龄、居住登记和居住证年限、减分项、一票否决' },
  hrss: { name: '人力社保', reviews: '社会保险、专业技术职称和职业技能' },
  housing: { name: '住保房管', reviews: '自购产权住房、合法租赁住房' },
  education: { name: '教育', reviews: '文化程度' },
  tax: { name: '税务', reviews: '个人所得税' },
  honours: { name: '荣誉颁发部门', reviews: '奖项和荣誉称号' },
  health: { name: '卫生健康', reviews: '无偿献血、捐献造血干细胞' },
  civilization: { name: '市委宣传部（文明办）', reviews: '志愿服务（FAQ2021 Q2：由团市委调整为市委宣传部（文明办））' },
  'civil-affairs': { name: '民政', reviews: '慈善捐赠' },
  'market-regulation': { name: '市场监管（知识产权）', reviews: '发明专利' },
} satisfies Record<string, { name: string; reviews: string }>;

export type DepartmentCode = keyof typeof TABLE;
export const DEPARTMENTS: Record<DepartmentCode, { name: string; reviews: string }> = TABLE;

/** Every department code, in the table's order (the zod enum of reviewer departments is built from it). */
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [DepartmentCode, ...DepartmentCode[]];

/** Code → the name users read (e.g. '人力社保'), derived from DEPARTMENTS. */
export const DEPARTMENT_LABELS = Object.fromEntries(
  DEPARTMENT_CODES.map((code) => [code, DEPARTMENTS[code].name]),
) as Record<DepartmentCode, string>;
