// Storage barrel for code that runs in both places: the contract and the CloudBase-side adapters.
// SqliteStore / LocalFileStore are deliberately not re-exported: a deployed function bundle must never pull in
// better-sqlite3 (a native module). Import them from './sqlite' and './files-local' in local-only code.
export * from './store';
export { CloudbaseStore, type CloudbaseStoreOptions } from './cloudbase';
export { CloudbaseFileStore } from './files-cloudbase';
