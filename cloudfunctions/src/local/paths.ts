import { resolve } from 'node:path';

/** Repo root, from this file's place (cloudfunctions/src/local). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Layout of the local data folder (HZ_DATA_DIR, default `.data/` at the repo root; git-ignored). */
export function dataPaths(dataDir = process.env.HZ_DATA_DIR || resolve(REPO_ROOT, '.data')) {
  const root = resolve(dataDir);
  return {
    root,
    database: resolve(root, 'hz.sqlite'),
    files: resolve(root, 'files'),
    /** Certificate signing secret for local mode, generated on first start (never in the repo). */
    secret: resolve(root, 'certificate-key.secret'),
  };
}
