// weapp: cloud functions through WeChat cloud development. The H5 build resolves `./cloud` to cloud.h5.ts instead
// (Taro picks `*.h5.ts` for TARO_ENV=h5), because Taro's H5 `Taro.cloud` is a stub.
import Taro from '@tarojs/taro';
import { CLIENT_ERRORS, failure, isEnvelope, type Envelope } from './envelope';
import type { LocalFile, StoredFile, UploadTicket } from './file-types';

export type { Envelope } from './envelope';

let initialised = false;

/** Called once from app.tsx at launch; callFunction calls it too, so the order never matters. */
export function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
  initialised = true;
}

/** Call a cloud function. Never throws: transport failures come back as `{ ok: false }` with a Chinese message. */
export async function callFunction<T = unknown>(name: string, data: Record<string, unknown>): Promise<Envelope<T>> {
  initCloud();
  let result: unknown;
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    result = (res as { result?: unknown }).result;
  } catch {
    return failure(CLIENT_ERRORS.NETWORK);
  }
  return isEnvelope(result) ? (result as Envelope<T>) : failure(CLIENT_ERRORS.BAD_RESPONSE);
}

// ---- Files: bytes go to cloud storage, never inside a function call (WeChat caps a field near 100 KB) ----

export type { LocalFile, StoredFile, UploadTicket } from './file-types';

const UPLOAD_FAILED = { code: 'CLIENT_UPLOAD_FAILED', message: '文件上传失败，请检查网络后重试' } as const;

/**
 * Sends the bytes to the cloud storage path the server chose (wx.cloud.uploadFile, with its UploadTask's progress
 * as 0–1), then has the server check and record them (files.commitUpload). Never throws.
 */
export async function sendFile(
  file: LocalFile,
  ticket: UploadTicket,
  onProgress?: (fraction: number) => void,
): Promise<Envelope<StoredFile>> {
  initCloud();
  if (!file.path) return failure(UPLOAD_FAILED);
  let fileID: string;
  try {
    fileID = await new Promise<string>((resolve, reject) => {
      // With callbacks, uploadFile returns the UploadTask (progress events) instead of a promise.
      const task = Taro.cloud.uploadFile({
        cloudPath: ticket.cloudPath,
        filePath: file.path!,
        success: (res) => resolve(res.fileID),
        fail: reject,
      });
      task?.onProgressUpdate?.((p) => onProgress?.(Math.min(1, p.progress / 100)));
    });
  } catch {
    return failure(UPLOAD_FAILED);
  }
  return callFunction<StoredFile>('files', { action: 'commitUpload', uploadId: ticket.uploadId, fileID });
}

/**
 * Opens a file the server lent through a temporary link (files.read): downloaded to a temp file, then the system
 * viewer (PDF) or the image preview. Throws when it cannot be shown.
 */
export async function openFileLink(url: string, contentType: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`download failed: ${statusCode}`);
  if (contentType === 'application/pdf')
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  else await Taro.previewImage({ urls: [tempFilePath], current: tempFilePath });
}
