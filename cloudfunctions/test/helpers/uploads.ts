// Uploads in domain tests, the way a real client makes them: files.prepareUpload (a small call), the bytes put at the
// returned cloudPath the way storage receives them (here the local FileStore, as the local upload endpoint does), then
// files.commitUpload, which reads them back and checks them. No file bytes travel inside a function call.
import type { FilePurpose } from '../../src/core/model';
import { LocalFileStore } from '../../src/storage/files-local';
import type { TestCloud } from './runtime';

export type UploadKind = 'jpg' | 'png' | 'pdf' | 'xlsx' | 'csv';

/** The kind a client would declare for these bytes (it knows what the user picked); fixtures name it or get this. */
function declaredKindOf(bytes: Buffer): UploadKind {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  throw new Error('uploadThroughStorage: name the kind for bytes that are not JPEG, PNG or PDF');
}

export interface UploadRequest {
  purpose: FilePurpose;
  bytes: Buffer;
  onBehalfOf?: string;
  /** What the client declares at prepare time; by default what the bytes start like. */
  kind?: UploadKind;
  /** Size declared at prepare time; by default the real length (a client may declare otherwise). */
  declaredSize?: number;
}

/**
 * Steps 1 and 2 only: prepares (must succeed) and puts the bytes where storage would, returning what the client then
 * commits. For tests that check what commitUpload refuses.
 */
export async function prepareAndPut(cloud: TestCloud, openid: string, req: UploadRequest) {
  const { purpose, bytes, onBehalfOf } = req;
  const prepared = await cloud.ok(openid, 'files', 'prepareUpload', {
    ...(onBehalfOf !== undefined ? { onBehalfOf } : {}),
    purpose,
    kind: req.kind ?? declaredKindOf(bytes),
    size: req.declaredSize ?? bytes.length,
  });
  const files = cloud.runtime.files;
  if (!(files instanceof LocalFileStore)) throw new Error("uploadThroughStorage needs the test cloud's LocalFileStore");
  // The local FileStore's uploadTarget is the path itself: receiveUpload is what the upload endpoint does with a body.
  const { fileID } = await files.receiveUpload(prepared.cloudPath as string, bytes);
  return { uploadId: prepared.uploadId as string, cloudPath: prepared.cloudPath as string, fileID };
}

/** prepareUpload → bytes into storage → commitUpload; throws with the error code unless every step succeeds. */
export async function uploadThroughStorage(
  cloud: TestCloud,
  openid: string,
  req: UploadRequest,
): Promise<{ fileId: string; contentType: string; size: number }> {
  const { uploadId, fileID } = await prepareAndPut(cloud, openid, req);
  return cloud.ok(openid, 'files', 'commitUpload', { uploadId, fileID });
}
