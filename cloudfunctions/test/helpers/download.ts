// Follows a download link from files.read the way a client would, in the test runtime (local files): the signed
// link opens only while valid, at the runtime's clock.
import { LocalFileStore } from '../../src/storage/files-local';
import type { Runtime } from '../../src/core/runtime';

export async function downloadLink(runtime: Runtime, url: string): Promise<Buffer | null> {
  if (!(runtime.files instanceof LocalFileStore)) throw new Error('downloadLink needs the local file store');
  return (await runtime.files.openTemporaryUrl(url, runtime.now()))?.bytes ?? null;
}
