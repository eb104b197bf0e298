// Storage barrel: the Store/FileStore contract and its adapters.
export * from './store';
export { SqliteStore, type SqliteStoreOptions } from './sqlite';
export { CloudbaseStore, type CloudbaseStoreOptions } from './cloudbase';
export { LocalFileStore } from './files-local';
export { CloudbaseFileStore } from './files-cloudbase';
export { ensureIndexes, INDEXES } from './indexes';
