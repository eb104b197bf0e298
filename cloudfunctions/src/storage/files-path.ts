import { StoreError } from './store';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * File paths are chosen by handlers (e.g. `evidence/<applicationId>/<fileId>.jpg`), but they are still checked:
 * relative, '/'-separated, each segment of safe characters, no '.' or '..' segments, no sidecar suffix.
 */
export function checkFilePath(path: string): string[] {
  if (typeof path !== 'string' || path.length === 0 || path.length > 512) {
    throw new StoreError('UNAVAILABLE', 'invalid file path');
  }
  const parts = path.split('/');
  if (parts.length > 8 || parts.some((p) => !SEGMENT.test(p) || p === '.' || p === '..' || p.endsWith('.meta.json'))) {
    throw new StoreError('UNAVAILABLE', 'invalid file path');
  }
  return parts;
}

export function checkContentType(contentType: string): string {
  if (
    typeof contentType !== 'string' ||
    !/^[a-z0-9.+-]+\/[a-z0-9.+-]+(;\s*[a-z0-9=.+-]+)?$/i.test(contentType) ||
    contentType.length > 100
  ) {
    throw new StoreError('UNAVAILABLE', 'invalid content type');
  }
  return contentType;
}
