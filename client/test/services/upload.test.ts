// The client's upload path on the mini-program: compress a large photo (wx.compressImage), files.prepareUpload,
// the bytes to cloud storage with progress (wx.cloud.uploadFile's UploadTask), files.commitUpload. The stand-ins
// below play WeChat; the assertions are on what the client sends — never the file inside a function call.
import Taro from '@tarojs/taro';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import { prepareForUpload, uploadEvidence, UPLOAD_MESSAGES } from '../../src/packages/apply/common/evidence';

const MB = 1024 * 1024;
const taro = Taro as unknown as Record<string, any>;

/** A fake wx.cloud.uploadFile: keeps what was sent per cloudPath and reports progress in two steps. */
function fakeStorage() {
  const stored = new Map<string, string>();
  taro.cloud.uploadFile = (opts: { cloudPath: string; filePath: string; success: (r: { fileID: string }) => void }) => {
    const listeners: Array<(p: { progress: number }) => void> = [];
    setTimeout(() => {
      listeners.forEach((l) => l({ progress: 50 }));
      listeners.forEach((l) => l({ progress: 100 }));
      stored.set(opts.cloudPath, opts.filePath);
      opts.success({ fileID: `cloud://env-1.bucket/${opts.cloudPath}` });
    }, 0);
    return { onProgressUpdate: (l: (p: { progress: number }) => void) => listeners.push(l) };
  };
  return stored;
}

/** wx.compressImage + getFileInfo stand-ins: each quality step gives the next size from `sizes`. */
function fakeCompression(sizes: number[]) {
  const qualities: number[] = [];
  const sizeOf = new Map<string, number>();
  taro.compressImage = async ({ quality }: { src: string; quality: number }) => {
    qualities.push(quality);
    const path = `wxfile://tmp/compressed-${qualities.length}.jpg`;
    sizeOf.set(path, sizes[qualities.length - 1] ?? sizes[sizes.length - 1]!);
    return { tempFilePath: path };
  };
  taro.getFileSystemManager = () => ({
    getFileInfo: ({ filePath, success }: { filePath: string; success: (r: { size: number }) => void }) =>
      success({ size: sizeOf.get(filePath)! }),
  });
  return qualities;
}

beforeEach(() => __reset());

test('a 3 MB photo: prepare, upload to the cloudPath with progress, commit — no call carries more than 1 KB', async () => {
  const stored = fakeStorage();
  __setCloudHandler((_name, data) => {
    const d = data as Record<string, unknown>;
    if (d.action === 'prepareUpload')
      return { ok: true, data: { uploadId: 'u-1', cloudPath: 'hz-points/evidence/p-1/abc.jpg' } };
    if (d.action === 'commitUpload')
      return { ok: true, data: { fileId: 'f-1', contentType: 'image/jpeg', size: 3 * MB } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  const progress: number[] = [];
  const res = await uploadEvidence(
    { name: '拍照1.jpg', size: 3 * MB, kind: 'jpg', path: 'wxfile://tmp/photo.jpg' },
    { purpose: 'evidence', onBehalfOf: 'p-1' },
    (f) => progress.push(f),
  );
  expect(res).toEqual({ ok: true, data: { fileId: 'f-1', contentType: 'image/jpeg', size: 3 * MB } });
  expect(progress).toEqual([0.5, 1]);
  expect([...stored]).toEqual([['hz-points/evidence/p-1/abc.jpg', 'wxfile://tmp/photo.jpg']]);
  expect(__cloudCalls().map((c) => c.data)).toEqual([
    { action: 'prepareUpload', purpose: 'evidence', kind: 'jpg', size: 3 * MB, onBehalfOf: 'p-1' },
    { action: 'commitUpload', uploadId: 'u-1', fileID: 'cloud://env-1.bucket/hz-points/evidence/p-1/abc.jpg' },
  ]);
  for (const c of __cloudCalls()) expect(JSON.stringify(c.data).length).toBeLessThan(1024);
});

test('a file the server refuses shows its message; a failed transfer never reaches commit', async () => {
  fakeStorage();
  __setCloudHandler(() => ({
    ok: false,
    error: { code: 'DELEGATION_REQUIRED', message: '没有有效的委托或监护关系，不能代为办理' },
  }));
  expect(
    await uploadEvidence(
      { name: 'a.jpg', size: 1000, kind: 'jpg', path: 'wxfile://a.jpg' },
      { purpose: 'evidence', onBehalfOf: 'p-9' },
    ),
  ).toMatchObject({ ok: false, error: { code: 'DELEGATION_REQUIRED' } });

  __reset();
  taro.cloud.uploadFile = (opts: { fail: (e: unknown) => void }) => {
    setTimeout(() => opts.fail({ errMsg: 'cloud.uploadFile:fail network' }), 0);
    return { onProgressUpdate: () => undefined };
  };
  __setCloudHandler(() => ({ ok: true, data: { uploadId: 'u-2', cloudPath: 'hz-points/evidence/p-1/x.jpg' } }));
  expect(
    await uploadEvidence({ name: 'a.jpg', size: 1000, kind: 'jpg', path: 'wxfile://a.jpg' }, { purpose: 'evidence' }),
  ).toEqual({ ok: false, error: { code: 'CLIENT_UPLOAD_FAILED', message: '文件上传失败，请检查网络后重试' } });
  expect(__cloudCalls().map((c) => (c.data as { action: string }).action)).toEqual(['prepareUpload']);
});

test('before sending: a large photo is compressed until it fits; one that never fits, and a PDF over 4 MB, are refused in Chinese', async () => {
  // 6 MB photo → 5 MB at quality 80 → 2.5 MB at 60: sent as the 2.5 MB JPEG.
  const qualities = fakeCompression([5 * MB, 2.5 * MB]);
  const ok = await prepareForUpload({ name: '拍照1.png', size: 6 * MB, kind: 'png', path: 'wxfile://tmp/p.png' });
  expect(ok).toEqual({
    ok: true,
    file: { name: '拍照1.jpg', size: 2.5 * MB, kind: 'jpg', path: 'wxfile://tmp/compressed-2.jpg' },
  });
  expect(qualities).toEqual([80, 60]);

  fakeCompression([9 * MB, 7 * MB, 5 * MB]);
  expect(await prepareForUpload({ name: '拍照2.jpg', size: 12 * MB, kind: 'jpg', path: 'wxfile://tmp/q.jpg' })).toEqual(
    { ok: false, message: UPLOAD_MESSAGES.PHOTO_TOO_LARGE },
  );
  expect(UPLOAD_MESSAGES.PHOTO_TOO_LARGE).toBe('照片压缩后仍超过4MB，请调低拍照分辨率后重拍，或选择较小的图片');

  expect(
    await prepareForUpload({ name: '合同.pdf', size: 4 * MB + 1, kind: 'pdf', path: 'wxfile://tmp/c.pdf' }),
  ).toEqual({ ok: false, message: 'PDF文件超过4MB，请压缩或分页后再上传' });

  // A small photo goes as it is (no recompression).
  const untouched = fakeCompression([1]);
  expect(
    await prepareForUpload({ name: '图片1.jpg', size: 800 * 1024, kind: 'jpg', path: 'wxfile://tmp/s.jpg' }),
  ).toEqual({ ok: true, file: { name: '图片1.jpg', size: 800 * 1024, kind: 'jpg', path: 'wxfile://tmp/s.jpg' } });
  expect(untouched).toEqual([]);
});
