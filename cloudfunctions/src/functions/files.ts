// files: evidence and delegation documents. Bytes are checked by content (magic bytes), never by name; stored at an
// unguessable per-person path; read back only through `read`, which hands out a short-lived download link.
//
// Uploads go through storage, never through a function call (WeChat caps a callFunction field near 100 KB, a phone
// photo is 2–5 MB): `prepareUpload` chooses the path and records a ticket, the client uploads the bytes there
// (wx.cloud.uploadFile; locally the raw body to the local cloud), `commitUpload` reads them back, checks them and
// records the file — or deletes them.
import { randomBytes } from 'crypto';
import { CommitUploadInput, MAX_FILE_BYTES, PrepareUploadInput, ReadFileInput } from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { departmentOf, hasRole, resolveSubject } from '../core/access';
import { auditRead, defineAction, defineFunction } from '../core/action';
import { AppError, errorEnvelope } from '../core/errors';
import { randomId } from '../core/ids';
import type { EntrustmentDoc, FileDoc, FilePurpose, PersonDoc } from '../core/model';
import { delegationFor } from '../core/people';
import type { Caller, Envelope, Runtime } from '../core/runtime';
import type { DocOps, Doc } from '../storage/store';

type AllowedType = { contentType: FileDoc['contentType']; ext: UploadTicketDoc['kind'] };

/** JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or PDF (%PDF-) by their leading bytes. */
function sniffType(bytes: Buffer): AllowedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', ext: 'jpg' };
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return { contentType: 'image/png', ext: 'png' };
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { contentType: 'application/pdf', ext: 'pdf' };
  }
  // An xlsx workbook is a ZIP container (PK 03 04); roster.import then reads it as a workbook or refuses it.
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { contentType: XLSX_TYPE, ext: 'xlsx' };
  }
  return null;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv';

/**
 * CSV has no magic bytes: it is accepted as text — no NUL byte (binary files have them early) and readable as
 * UTF-8 or, as Excel on Chinese Windows saves it, GB18030. Only a ticket declared `csv` is checked this way.
 */
function looksLikeCsvText(bytes: Buffer): boolean {
  if (sniffType(bytes) !== null || bytes.subarray(0, 65536).includes(0)) return false;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

/** Upload tickets (`files.prepareUpload`): where one caller may put one file, for one subject and purpose. */
/** How long a ticket stays usable: a 4 MB photo on a slow mobile link, with room to spare. */
const UPLOAD_TICKET_MINUTES = 30;
/** Lifetime of a download link handed out by `files.read` (getTempFileURL maxAge; the signed local link). */
export const DOWNLOAD_LINK_SECONDS = 10 * 60;

export interface UploadTicketDoc extends Doc {
  openid: string;
  actorPersonId: string;
  subjectPersonId: string;
  purpose: FilePurpose;
  kind: 'jpg' | 'png' | 'pdf' | 'xlsx' | 'csv';
  /** The server-chosen path (FileStore path); the client sees only `uploadTarget(path)`. */
  path: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'committed';
  fileId: string | null;
}

const KIND_TYPES: Record<UploadTicketDoc['kind'], FileDoc['contentType']> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  xlsx: XLSX_TYPE,
  csv: CSV_TYPE,
};

/** Storage folder per purpose: a roster (many people's data, the agent's own record) is kept apart from documents. */
const FOLDERS: Record<FilePurpose, string> = {
  evidence: 'evidence',
  entrustment: 'docs',
  identity: 'docs',
  roster: 'rosters',
};

/** Evidence may be uploaded for a person one may act for; delegation documents only by the agent themselves. */
function checkPurposeSubject(purpose: FilePurpose, actor: PersonDoc, onBehalfOf: string | undefined): void {
  if (purpose !== 'evidence' && onBehalfOf !== undefined && onBehalfOf !== actor._id) {
    throw new AppError('VALIDATION_FAILED', '办理对象：委托书和身份证件由经办人本人上传');
  }
}

const prepareUpload = defineAction({
  input: PrepareUploadInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const { purpose, onBehalfOf, kind } = ctx.input;
    checkPurposeSubject(purpose, actor, onBehalfOf);
    const { subject } = await resolveSubject(ctx.runtime.store, actor, onBehalfOf, ctx.today);
    const uploadId = randomId('u');
    const path = `${FOLDERS[purpose]}/${subject._id}/${randomBytes(16).toString('hex')}.${kind}`;
    const expiresAt = new Date(ctx.now.getTime() + UPLOAD_TICKET_MINUTES * 60_000).toISOString();
    await ctx.mutate(async (tx, audit) => {
      const ticket: UploadTicketDoc = {
        _id: uploadId,
        openid: ctx.openid,
        actorPersonId: actor._id,
        subjectPersonId: subject._id,
        purpose,
        kind,
        path,
        createdAt: ctx.now.toISOString(),
        expiresAt,
        status: 'pending',
        fileId: null,
      };
      await tx.insert(COLLECTIONS.uploads, ticket);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.uploads, id: uploadId },
        details: { purpose, kind, size: ctx.input.size },
      });
    });
    return { uploadId, cloudPath: ctx.runtime.files.uploadTarget(path), maxBytes: MAX_FILE_BYTES, expiresAt };
  },
});

const commitUpload = defineAction({
  input: CommitUploadInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const { uploadId, fileID } = ctx.input;
    const files = ctx.runtime.files;
    const ticket = await ctx.runtime.store.get<UploadTicketDoc>(COLLECTIONS.uploads, uploadId);
    // Another caller's ticket looks missing: tickets cannot be probed or borrowed.
    if (!ticket || ticket.openid !== ctx.openid || ticket.actorPersonId !== actor._id) throw new AppError('NOT_FOUND');
    if (ticket.status === 'committed') {
      // A retried commit (the answer was lost) gets the same file, and nothing new is written.
      const done = ticket.fileId ? await ctx.runtime.store.get<FileDoc>(COLLECTIONS.files, ticket.fileId) : null;
      if (!done) throw new AppError('INVALID_STATE');
      return { fileId: done._id, contentType: done.contentType, size: done.size };
    }
    const refuse = async (error: AppError): Promise<never> => {
      await files.discardUpload(ticket.path, fileID);
      throw error;
    };
    if (ctx.now.getTime() > Date.parse(ticket.expiresAt)) await refuse(new AppError('UPLOAD_EXPIRED'));
    const bytes = await files.readUpload(ticket.path, fileID);
    if (!bytes) throw new AppError('FILE_NOT_UPLOADED');
    if (bytes.length === 0) await refuse(new AppError('FILE_EMPTY', '文件内容为空'));
    if (bytes.length > MAX_FILE_BYTES) await refuse(new AppError('FILE_TOO_LARGE'));
    const type =
      sniffType(bytes) ??
      (ticket.kind === 'csv' && looksLikeCsvText(bytes) ? { contentType: CSV_TYPE, ext: 'csv' as const } : null);
    const rosterRefusal = new AppError('FILE_TYPE_NOT_ALLOWED', '员工名单仅支持xlsx或csv表格文件');
    if (!type) await refuse(ticket.purpose === 'roster' ? rosterRefusal : new AppError('FILE_TYPE_NOT_ALLOWED'));
    // The name chosen at prepare time carries the declared kind: the bytes must be that kind too.
    if (KIND_TYPES[ticket.kind] !== type!.contentType) {
      await refuse(
        ticket.purpose === 'roster'
          ? rosterRefusal
          : new AppError('FILE_TYPE_NOT_ALLOWED', '文件内容与所选类型不符（仅支持JPEG、PNG图片或PDF文件）'),
      );
    }
    const contentType = type!.contentType;
    const fileId = randomId('f');
    // Kept before the record: if the transaction then fails, an unreferenced file at
    // a random path is left, never a record whose bytes cannot be found.
    await files.acceptUpload(ticket.path, fileID, contentType, bytes.length);
    try {
      return await ctx.mutate(async (tx, audit) => {
        const current = await tx.get<UploadTicketDoc>(COLLECTIONS.uploads, uploadId);
        if (!current || current.status !== 'pending') throw new AppError('CONFLICT');
        // Re-checked inside the transaction: a delegation revoked since prepareUpload denies the commit.
        const { subject } = await resolveSubject(tx, actor, ticket.subjectPersonId, ctx.today);
        const doc: FileDoc = {
          _id: fileId,
          ownerPersonId: subject._id,
          uploadedByPersonId: actor._id,
          purpose: ticket.purpose,
          path: ticket.path,
          contentType,
          size: bytes.length,
          departments: [],
          createdAt: ctx.now.toISOString(),
        };
        await tx.insert(COLLECTIONS.files, doc);
        await tx.update(COLLECTIONS.uploads, uploadId, { status: 'committed', fileId });
        await audit({
          onBehalfOf: subject._id,
          target: { collection: COLLECTIONS.files, id: fileId },
          details: { purpose: ticket.purpose, contentType, size: bytes.length },
        });
        return { fileId, contentType, size: bytes.length };
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'DELEGATION_REQUIRED') await files.discardUpload(ticket.path, fileID);
      throw err;
    }
  },
});

/**
 * The local cloud's upload endpoint (stand-in for wx.cloud.uploadFile + the commit the client would then call):
 * puts the raw body at the ticket's path, then runs `files.commitUpload` through `invoke` — the same checks as in
 * production. Only the caller who prepared the ticket may upload to it (locally stricter than storage rules).
 */
export async function receiveLocalUpload(
  runtime: Runtime,
  caller: Caller,
  uploadId: string,
  bytes: Buffer,
  run: (name: string, event: unknown, caller: Caller, runtime: Runtime) => Promise<Envelope>,
  receive: (path: string, bytes: Buffer) => Promise<{ fileID: string }>,
): Promise<Envelope> {
  if (!caller.openid) return run('files', { action: 'commitUpload', uploadId, fileID: 'none' }, caller, runtime);
  const ticket = /^[A-Za-z0-9_:-]{1,128}$/.test(uploadId)
    ? await runtime.store.get<UploadTicketDoc>(COLLECTIONS.uploads, uploadId)
    : null;
  if (!ticket || ticket.openid !== caller.openid || ticket.status !== 'pending') {
    return errorEnvelope(new AppError('NOT_FOUND'));
  }
  const { fileID } = await receive(ticket.path, bytes);
  return run('files', { action: 'commitUpload', uploadId, fileID }, caller, runtime);
}

/** Whether the caller may read a file (owner, uploader, current delegate, department reviewer, office, admin). */
async function mayReadFile(
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
    // A short-lived link, not the bytes: a function's answer has the same size limits as its request.
    const link = await ctx.runtime.files.temporaryUrl(file.path, DOWNLOAD_LINK_SECONDS, ctx.now);
    if (!link) throw new AppError('NOT_FOUND', '文件内容不存在');
    await auditRead(ctx, file.ownerPersonId, { collection: COLLECTIONS.files, id: file._id });
    return {
      fileId: file._id,
      contentType: file.contentType,
      size: file.size,
      url: link.url,
      expiresAt: link.expiresAt,
    };
  },
});

export const files = defineFunction('files', { read, prepareUpload, commitUpload });
