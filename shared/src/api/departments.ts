// The reviewing departments for the API surface: the one table is scoring/departments.ts (no zod), re-exported here so
// that a screen that only names a department does not load the schema library.
export { DEPARTMENT_CODES, DEPARTMENT_LABELS } from '../scoring/departments';
