// Picking evidence (camera, album, PDF), shrinking photos before they leave the phone, and uploading through storage:
// files.prepareUpload (the server picks the path) → the bytes to storage (wx.cloud.uploadFile; locally the raw body)
// → files.commitUpload (the server checks type, size and whose file it is). No file ever travels as base64.
import Taro from '@tarojs/taro';
import { MAX_FILE_BYTES } from '@hz-points/shared';
import { sendFile, type LocalFile, type StoredFile } from '../../../services/cloud';
import { call, type Result } from './api';

export type PickedFile = LocalFile;
export type PickSource = 'camera' | 'album' | 'pdf';

const isH5 = process.env.TARO_ENV === 'h5';

/** Photos at or under this size go as they are (already small; recompressing only loses detail). */
const COMPRESS_ABOVE_BYTES = 1024 * 1024;
/** Longest side of a compressed photo (H5 canvas): ample for reading a certificate or a contract. */
const MAX_SIDE_PX = 2560;
/** Tried in order until the photo fits under the limit. */
const QUALITY_STEPS = [0.8, 0.6, 0.4];

export const UPLOAD_MESSAGES = {
  PHOTO_TOO_LARGE: '照片压缩后仍超过4MB，请调低拍照分辨率后重拍，或选择较小的图片',
  PDF_TOO_LARGE: 'PDF文件超过4MB，请压缩或分页后再上传',
  TYPE_NOT_ALLOWED: '仅支持JPEG、PNG图片或PDF文件',
  UNREADABLE: '未能读取所选文件，请重新选择',
} as const;

function kindOfName(name: string): LocalFile['kind'] | null {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpg';
  if (ext === 'png') return 'png';
  if (ext === 'pdf') return 'pdf';
  return null;
}

function kindOfBlob(blob: Blob, name: string): LocalFile['kind'] | null {
  if (blob.type === 'image/jpeg') return 'jpg';
  if (blob.type === 'image/png') return 'png';
  if (blob.type === 'application/pdf') return 'pdf';
  return kindOfName(name);
}

/** H5: one hidden file input per pick; resolves with [] when the user cancels. */
function pickInBrowser(source: PickSource): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = source === 'pdf' ? 'application/pdf' : 'image/jpeg,image/png';
    if (source === 'camera') input.setAttribute('capture', 'environment');
    input.style.position = 'fixed';
    input.style.left = '-9999px';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      // An unknown type keeps kind 'jpg' only as a placeholder: prepareForUpload refuses it by its Blob type.
      resolve(files.map((f) => ({ name: f.name, size: f.size, kind: kindOfBlob(f, f.name) ?? 'jpg', blob: f })));
    });
    document.body.appendChild(input);
    input.click();
  });
}

function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: string })?.errMsg ?? '';
  return /cancel/i.test(msg);
}

/** Lets the user pick files; [] on cancel. Images: camera or album; PDFs: from a chat (weapp) or the file system (H5). */
export async function pickEvidence(source: PickSource): Promise<PickedFile[]> {
  if (isH5) return pickInBrowser(source);
  try {
    if (source === 'pdf') {
      const res = await Taro.chooseMessageFile({ count: 3, type: 'file', extension: ['pdf'] });
      return res.tempFiles.map((f) => ({ name: f.name, size: f.size, kind: 'pdf' as const, path: f.path }));
    }
    const res = await Taro.chooseMedia({
      count: 3,
      mediaType: ['image'],
      sourceType: [source],
      sizeType: ['compressed'],
    });
    return res.tempFiles.map((f, i) => {
      const kind = kindOfName(f.tempFilePath) ?? 'jpg';
      return {
        name: `${source === 'camera' ? '拍照' : '图片'}${i + 1}.${kind}`,
        size: f.size,
        kind,
        path: f.tempFilePath,
      };
    });
  } catch (err) {
    if (isCancel(err)) return [];
    throw err;
  }
}

// ---- Compression ----

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image decode failed'));
    };
    img.src = url;
  });
}

/** H5: redraws the photo on a canvas (longest side ≤ MAX_SIDE_PX) and encodes it as JPEG at `quality`. */
async function compressInBrowser(blob: Blob, quality: number): Promise<Blob | null> {
  const img = await loadImage(blob);
  const scale = Math.min(1, MAX_SIDE_PX / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', quality));
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (r) => resolve(r.size),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
}

/**
 * weapp: wx.compressImage at `quality` (0–1). Its output is normally JPEG, but the kind is read from the output
 * path's extension rather than assumed (the server checks the bytes against the declared kind).
 */
async function compressOnPhone(
  path: string,
  quality: number,
): Promise<{ path: string; size: number; kind: LocalFile['kind'] }> {
  const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(quality * 100) });
  return { path: tempFilePath, size: await fileSize(tempFilePath), kind: kindOfName(tempFilePath) ?? 'jpg' };
}

/**
 * Makes a picked file ready to send: photos over 1 MB are recompressed (a lower quality each try) until they fit
 * under the 4 MB limit; a smaller result is kept only if it is smaller. Anything still over the limit, and any
 * type other than JPEG/PNG/PDF, is refused here with a Chinese message — nothing is sent.
 */
export async function prepareForUpload(
  file: PickedFile,
): Promise<{ ok: true; file: PickedFile } | { ok: false; message: string }> {
  if (file.blob && !kindOfBlob(file.blob, file.name)) return { ok: false, message: UPLOAD_MESSAGES.TYPE_NOT_ALLOWED };
  if (file.kind === 'pdf') {
    return file.size > MAX_FILE_BYTES ? { ok: false, message: UPLOAD_MESSAGES.PDF_TOO_LARGE } : { ok: true, file };
  }
  let best = file;
  if (file.size > COMPRESS_ABOVE_BYTES) {
    for (const quality of QUALITY_STEPS) {
      try {
        if (file.blob) {
          const blob = await compressInBrowser(file.blob, quality);
          if (blob && blob.size < best.size)
            best = { ...file, name: renamed(file.name, 'jpg'), kind: 'jpg', size: blob.size, blob };
        } else if (file.path) {
          const out = await compressOnPhone(file.path, quality);
          if (out.size < best.size)
            best = { ...file, name: renamed(file.name, out.kind), kind: out.kind, size: out.size, path: out.path };
        }
      } catch {
        break; // the platform could not recompress it: judge the original by its size
      }
      if (best.size <= MAX_FILE_BYTES) break;
    }
  }
  if (best.size > MAX_FILE_BYTES) return { ok: false, message: UPLOAD_MESSAGES.PHOTO_TOO_LARGE };
  return { ok: true, file: best };
}

function renamed(name: string, kind: LocalFile['kind']): string {
  return `${name.replace(/\.[A-Za-z0-9]+$/, '')}.${kind}`;
}

/**
 * Uploads one prepared file for `purpose` (and `onBehalfOf`, for evidence): prepareUpload, the bytes with
 * progress (0–1), commitUpload. The result is the server's answer (Chinese message on refusal).
 */
export async function uploadEvidence(
  file: PickedFile,
  target: { purpose: 'evidence' | 'entrustment' | 'identity'; onBehalfOf?: string },
  onProgress?: (fraction: number) => void,
): Promise<Result<StoredFile>> {
  const ticket = await call('files', 'prepareUpload', {
    purpose: target.purpose,
    kind: file.kind,
    size: file.size,
    ...(target.onBehalfOf ? { onBehalfOf: target.onBehalfOf } : {}),
  });
  if (!ticket.ok) return ticket;
  return sendFile(file, ticket.data, onProgress);
}
