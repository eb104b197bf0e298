// files: evidence and delegation documents. Bytes are checked by content (magic bytes), never by name; stored at an
// unguessable per-person path; read back only through `read`, which checks access.
import { randomBytes } from 'crypto';
import { MAX_FILE_BYTES, ReadFileInput, UploadFileInput } from '@hz-points/shared';
import { auditRead, defineAction, defineFunction, departmentOf, hasRole } from '../core/action';
import { AppError } from '../core/errors';
import { randomId } from '../core/ids';
import { COLLECTIONS, type EntrustmentDoc, type FileDoc, type PersonDoc } from '../core/model';
import { delegationFor, resolveSubject } from '../core/people';
import type { DocOps } from '../storage/store';

// A plain character class (no repeated group): a group like (?:[..]{4})* overflows the regex stack on 5 MB inputs.
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes strict base64 (no whitespace, correct padding): anything else is rejected, never half-decoded. */
export function decodeBase64(text: string): Buffer {
  if (text.length % 4 !== 0 || !BASE64_CHARS.test(text)) {
    throw new AppError('FILE_EMPTY', '文件内容编码不正确（应为Base64）');
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  return bytes;
}

export type AllowedType = { contentType: FileDoc['contentType']; ext: 'jpg' | 'png' | 'pdf' };

/** JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or PDF (%PDF-) by their leading bytes. */
export function sniffType(bytes: Buffer): AllowedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', ext: 'jpg' };
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return { contentType: 'image/png', ext: 'png' };
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { contentType: 'application/pdf', ext: 'pdf' };
  }
  return null;
}

/** Checks an upload: size first (cheap), then type. */
export function checkUpload(contentBase64: string): { bytes: Buffer; type: AllowedType } {
  // Reject before decoding what cannot be ≤ 4 MB.
  if (Math.floor((contentBase64.length * 3) / 4) - 2 > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE');
  const bytes = decodeBase64(contentBase64);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE');
  const type = sniffType(bytes);
  if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED');
  return { bytes, type };
}

const upload = defineAction({
  input: UploadFileInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const { purpose, onBehalfOf } = ctx.input;
    if (purpose !== 'evidence' && onBehalfOf !== undefined && onBehalfOf !== actor._id) {
      throw new AppError('VALIDATION_FAILED', '办理对象：委托书和身份证件由经办人本人上传');
    }
    const { bytes, type } = checkUpload(ctx.input.contentBase64);
    const { subject } = await resolveSubject(ctx.runtime.store, actor, onBehalfOf, ctx.today);
    const fileId = randomId('f');
    const folder = purpose === 'evidence' ? 'evidence' : 'docs';
    const path = `${folder}/${subject._id}/${randomBytes(16).toString('hex')}.${type.ext}`;
    // The bytes go first: if the transaction then fails, an unreferenced blob at a random path is left, never a
    // record pointing at nothing.
    await ctx.runtime.files.put(path, bytes, type.contentType);
    return ctx.mutate(async (tx, audit) => {
      // Re-checked inside the transaction: a revocation committed meanwhile denies the upload.
      await resolveSubject(tx, actor, onBehalfOf, ctx.today);
      const doc: FileDoc = {
        _id: fileId,
        ownerPersonId: subject._id,
        uploadedByPersonId: actor._id,
        purpose,
        path,
        contentType: type.contentType,
        size: bytes.length,
        departments: [],
        createdAt: ctx.now.toISOString(),
      };
      await tx.insert(COLLECTIONS.files, doc);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.files, id: fileId },
        details: { purpose, contentType: type.contentType, size: bytes.length },
      });
      return { fileId, contentType: type.contentType, size: bytes.length };
    });
  },
});

/** Whether the caller may read a file (owner, uploader, current delegate, department reviewer, office, admin). */
export async function mayReadFile(
  ops: Pick<DocOps, 'get'>,
  file: FileDoc,
  caller: { person: PersonDoc | null; account: Parameters<typeof hasRole>[0] },
  today: string,
): Promise<boolean> {
  if (hasRole(caller.account, 'admin') || hasRole(caller.account, 'district-office')) return true;
  const dept = departmentOf(caller.account);
  if (dept && file.departments.includes(dept)) return true;
  const me = caller.person;
  if (!me) return false;
  if (file.ownerPersonId === me._id) return true;
  // An agent keeps access to the delegation documents they uploaded; evidence they uploaded for someone else is
  // readable only while they may still act for that person (below).
  if (file.purpose !== 'evidence' && file.uploadedByPersonId === me._id) return true;
  if (typeof file.entrustmentId === 'string') {
    const ent = await ops.get<EntrustmentDoc>(COLLECTIONS.entrustments, file.entrustmentId);
    if (ent && ent.employeePersonId === me._id) return true;
  }
  if (file.purpose === 'evidence') {
    const owner = await ops.get<PersonDoc>(COLLECTIONS.persons, file.ownerPersonId);
    if (owner && (await delegationFor(ops, me, owner, today))) return true;
  }
  return false;
}

const read = defineAction({
  input: ReadFileInput,
  access: 'caller',
  mutates: true, // access log when someone other than the owner reads
  async run(ctx) {
    const store = ctx.runtime.store;
    const file = await store.get<FileDoc>(COLLECTIONS.files, ctx.input.fileId);
    // Not allowed looks like missing: file ids cannot be probed.
    if (!file || !(await mayReadFile(store, file, ctx, ctx.today))) throw new AppError('NOT_FOUND');
    const blob = await ctx.runtime.files.get(file.path);
    if (!blob) throw new AppError('NOT_FOUND', '文件内容不存在');
    await auditRead(ctx, file.ownerPersonId, { collection: COLLECTIONS.files, id: file._id });
    return { fileId: file._id, contentType: file.contentType, size: blob.bytes.length, contentBase64: blob.bytes.toString('base64') };
  },
});

export const files = defineFunction('files', { upload, read });
