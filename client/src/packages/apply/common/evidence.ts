// Picking evidence (camera, album, PDF) and reading it as base64 for `files.upload`. The mini-program reads temp
// files through the file system manager; H5 reads the browser's File (the local cloud's H5 build).
import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
  size: number;
}

export type PickSource = 'camera' | 'album' | 'pdf';

const isH5 = process.env.TARO_ENV === 'h5';

function readTempFileBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

function readBlobBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** H5: one hidden file input per pick; resolves with [] when the user cancels. */
function pickInBrowser(source: PickSource): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = source === 'pdf' ? 'application/pdf' : 'image/jpeg,image/png';
    if (source === 'camera') input.setAttribute('capture', 'environment');
    input.style.position = 'fixed';
    input.style.left = '-9999px';
    input.addEventListener('change', async () => {
      try {
        const files = Array.from(input.files ?? []);
        const out = await Promise.all(
          files.map(async (f) => ({ name: f.name, size: f.size, base64: await readBlobBase64(f) })),
        );
        resolve(out);
      } catch (e) {
        reject(e);
      } finally {
        input.remove();
      }
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
      return Promise.all(
        res.tempFiles.map(async (f) => ({ name: f.name, size: f.size, base64: await readTempFileBase64(f.path) })),
      );
    }
    const res = await Taro.chooseMedia({
      count: 3,
      mediaType: ['image'],
      sourceType: [source],
      sizeType: ['compressed'],
    });
    return Promise.all(
      res.tempFiles.map(async (f, i) => ({
        name: `${source === 'camera' ? '拍照' : '图片'}${i + 1}.${f.tempFilePath.split('.').pop() ?? 'jpg'}`,
        size: f.size,
        base64: await readTempFileBase64(f.tempFilePath),
      })),
    );
  } catch (err) {
    if (isCancel(err)) return [];
    throw err;
  }
}
