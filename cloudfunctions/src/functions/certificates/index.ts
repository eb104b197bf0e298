// Over 300 lines on purpose: the seven actions share the views and the standing check; signing, PDF, state and
// storage are already apart (signing.ts, pdf-file.ts, state.ts, model.ts).
// certificates: the 积分有效凭证 — issue (7 working days after the points are granted), re-issue after an
// objection answer (the old one is superseded), revoke (admin), download as PDF (owner, delegate, admin), and a
// public verify that anyone holding a printed copy can call.
import {
  CertificatePublicKeyInput,
  DownloadCertificateInput,
  IssueCertificateInput,
  LiftCertificateRevocationInput,
  ListCertificatesInput,
  RevokeCertificateInput,
  VERIFY_RESULT_CODES,
  VerifyCertificateInput,
  certificateDate,
  maskDocumentNumber,
  maskName,
  type VerifyAnswer,
  type VerifyResultCode,
} from '@hz-points/shared';
import { reachPerson, subjectOfCall } from '../../core/access';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction, type ActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { pick, type ApplicationDoc, type ObjectionDoc, type PersonDoc } from '../../core/model';
import { DOWNLOAD_LINK_SECONDS } from '../files';
import { queueReminder, recipientOf } from '../reminders/outbox';
import {
  buildContent,
  contentKey,
  grantedOn,
  revocationStands,
  serialOf,
  type CertificateDoc,
  type CertificateHeadDoc,
  type CounterDoc,
} from './model';
import {
  certificateKeys,
  parseQrPayload,
  qrPayload,
  signCertificate,
  verifyCertificateSignature,
  type CertificateContent,
} from './signing';
import { certificateState, revokedNotice, type CertificateStanding } from './state';
import { PDF_TYPE, storedCertificatePdf } from './pdf-file';

const C = COLLECTIONS;

/**
 * What the owner (or their delegate, or an admin) sees of a certificate. `state` is what it is worth now ('valid',
 * 'superseded' — also an active one whose points an objection answer changed before the re-print —, 'revoked'),
 * with `notice`, the Chinese sentence saying why it is not valid (null when valid).
 */
function ownView(c: CertificateDoc, now: CertificateStanding) {
  return {
    ...pick(c, ['serial', 'year', 'applicationId', 'status', 'content', 'signature', 'keyId']),
    qrPayload: qrPayload(c.serial, c.signature),
    ...pick(c, ['grantedOn', 'issuedOn', 'supersededBy', 'revokedAt', 'revokedReason']),
    revocationLiftedAt: c.revocationLiftedAt ?? null,
    revocationLiftedReason: c.revocationLiftedReason ?? null,
    state: now.state,
    notice: now.notice,
  };
}

const VALID: CertificateStanding = { state: 'valid', notice: null, supersededBy: null };

/** What a verifier sees: the content with name, ID and permit number masked. */
function maskedContent(c: CertificateContent) {
  return { ...c, name: maskName(c.name), permitNo: maskDocumentNumber(c.permitNo) };
}

async function loadObjection(ctx: ActionContext<unknown>, app: ApplicationDoc): Promise<ObjectionDoc | null> {
  return app.objectionId ? ctx.runtime.store.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
}

// Applicants and delegates print in the mini-program; district offices and admins at the window.
const ISSUERS = ['district-office', 'admin'] as const;

const issue = defineAction({
  input: IssueCertificateInput,
  access: { registeredOr: ISSUERS },
  mutates: true,
  async run(ctx) {
    const store = ctx.runtime.store;
    const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, ctx.input.applicationId);
    if (!app) throw new AppError('NOT_FOUND');
    const allowed = await reachPerson(ctx, store, app.personId, ISSUERS);
    const person = allowed.subject;

    const objection = await loadObjection(ctx, app);
    if (objection && objection.status === 'open') throw new AppError('POINTS_NOT_FINAL');
    const granted = grantedOn(app, objection);
    if (!granted || granted > ctx.today) throw new AppError('POINTS_NOT_FINAL');
    if (app.points!.total === null) throw new AppError('POINTS_VETOED');
    const availableFrom = certificateDate(granted);
    if (ctx.today < availableFrom) {
      throw new AppError(
        'CERTIFICATE_NOT_YET_AVAILABLE',
        `积分有效凭证须在积分核定满7个工作日后方可打印，本次可打印日期为${availableFrom}`,
      );
    }

    const keys = certificateKeys(ctx.runtime.secrets.certificateKey);
    const result = await ctx.mutate(async (tx, audit) => {
      // Re-read inside the transaction: an objection answer committed meanwhile must not be certified stale.
      const fresh = await tx.get<ApplicationDoc>(COLLECTIONS.applications, app._id);
      if (!fresh || fresh.updatedAt !== app.updatedAt) throw new AppError('CONFLICT');
      const head = await tx.get<CertificateHeadDoc>(C.certificateHeads, app._id);
      const current = head ? await tx.get<CertificateDoc>(C.certificates, head.serial) : null;
      const permitNo =
        ctx.input.residencePermitNo ??
        (typeof person.residencePermitNo === 'string' && person.residencePermitNo
          ? person.residencePermitNo
          : current?.content.permitNo);
      if (!permitNo) throw new AppError('VALIDATION_FAILED', '居住证号码：首次打印积分有效凭证请填写居住证号码');

      const draft = buildContent('JF-0000-000000', fresh, person, permitNo, ctx.today);
      // Revocation sticks: the holder asking again does not undo an administrator's decision.
      if (current && revocationStands(current, objection, draft)) {
        throw new AppError(
          'CERTIFICATE_REVOKED',
          `${revokedNotice(current)}。如有疑问请联系区积分受理点；管理员解除撤销或异议答复重新核定积分后方可重新打印`,
        );
      }
      const key = contentKey(draft);
      if (current && current.status === 'active' && current.contentKey === key) {
        return { certificate: current, reissued: false, created: false };
      }

      const counterId = `certificate-${app.year}`;
      const counter = await tx.get<CounterDoc>(C.counters, counterId);
      const seq = (counter?.value ?? 0) + 1;
      await tx.set<CounterDoc>(C.counters, { _id: counterId, value: seq });
      const serial = serialOf(app.year, seq);
      const content: CertificateContent = { ...draft, serial };
      const doc: CertificateDoc = {
        _id: serial,
        serial,
        year: app.year,
        applicationId: app._id,
        personId: person._id,
        content,
        signature: signCertificate(content, keys),
        keyId: keys.keyId,
        contentKey: key,
        status: 'active',
        grantedOn: granted,
        issuedOn: ctx.today,
        issuedAt: ctx.now.toISOString(),
        issuedByOpenid: ctx.openid,
        supersededBy: null,
        supersededAt: null,
        revokedAt: null,
        revokedReason: null,
      };
      if (current && current.status === 'active') {
        await tx.update(C.certificates, current.serial, {
          status: 'superseded',
          supersededBy: serial,
          supersededAt: ctx.now.toISOString(),
        });
      }
      await tx.insert(C.certificates, doc);
      await tx.set<CertificateHeadDoc>(C.certificateHeads, { _id: app._id, serial });
      await audit({
        onBehalfOf: person._id,
        target: { collection: C.certificates, id: serial },
        details: {
          applicationId: app._id,
          total: content.total,
          supersedes: current?.status === 'active' ? current.serial : null,
          // A new certificate after a revoked one: which revoked serial, and whether a lift or an objection allowed it.
          afterRevoked: current?.status === 'revoked' ? current.serial : null,
          revocationLifted: current?.status === 'revoked' ? Boolean(current.revocationLiftedAt) : null,
        },
      });
      // To the person's WeChat, or to the delegate printing for someone without it; staff at a window get none.
      const to = allowed.access.kind === 'staff' ? person.openid : recipientOf(person, ctx.openid);
      if (to)
        await queueReminder(
          tx,
          {
            personId: person._id,
            toOpenid: to,
            template: 'status',
            fields: {
              thing1: '积分有效凭证',
              phrase2: '已出具',
              date3: ctx.today,
              thing4: `${content.round}年度积分${content.total}分`,
            },
            page: 'packages/cert/index/index',
            dedupeKey: `certificate-issued:${serial}`,
          },
          ctx.now,
        );
      return { certificate: doc, reissued: current?.status === 'active', created: true };
    });
    return { certificate: ownView(result.certificate, VALID), reissued: result.reissued, created: result.created };
  },
});

const list = defineAction({
  input: ListCertificatesInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const { subject } = await subjectOfCall(ctx);
    const docs = await ctx.runtime.store.find<CertificateDoc>(
      C.certificates,
      { personId: subject._id },
      {
        orderBy: [['issuedAt', 'desc']],
        limit: 100,
      },
    );
    const views = [];
    for (const d of docs) views.push(ownView(d, await certificateState(ctx.runtime.store, d)));
    return { certificates: views };
  },
});

// The holder and their delegates in the mini-program; the administrator for anyone's.
const DOWNLOADERS = ['admin'] as const;

const download = defineAction({
  input: DownloadCertificateInput,
  access: { registeredOr: DOWNLOADERS },
  // Writes no record: only the rendered PDF into file storage, a cache of what the signed record already says.
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const cert = await store.get<CertificateDoc>(C.certificates, ctx.input.serial);
    if (!cert) throw new AppError('NOT_FOUND');
    await reachPerson(ctx, store, cert.personId, DOWNLOADERS);
    if (cert.status === 'revoked') throw new AppError('CERTIFICATE_REVOKED', revokedNotice(cert));
    if (cert.status === 'superseded')
      throw new AppError('CERTIFICATE_SUPERSEDED', `该凭证已被新凭证（${cert.supersededBy}）取代，请下载最新凭证`);
    // Still `active` but its points were changed by an objection answer and nobody re-printed yet: the holder gets
    // the PDF stamped 已作废 and an answer saying so, never a copy that looks current.
    const now = await certificateState(store, cert);
    const voided = now.state === 'valid' ? null : now.notice;
    const { path, size } = await storedCertificatePdf(
      ctx.runtime.files,
      cert,
      voided,
      ctx.runtime.secrets.certificateKey,
    );
    // A short-lived link, as files.read answers: the PDF itself does not travel inside the function's answer.
    const link = await ctx.runtime.files.temporaryUrl(path, DOWNLOAD_LINK_SECONDS, ctx.now);
    if (!link) throw new Error(`certificate PDF missing right after storing it: ${path}`);
    return {
      serial: cert.serial,
      state: now.state,
      current: now.state === 'valid',
      notice: now.notice,
      fileName: now.state === 'valid' ? `积分有效凭证-${cert.serial}.pdf` : `积分有效凭证-${cert.serial}-已作废.pdf`,
      contentType: PDF_TYPE,
      size,
      url: link.url,
      expiresAt: link.expiresAt,
    };
  },
});

const revoke = defineAction({
  input: RevokeCertificateInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const cert = await ctx.mutate(async (tx, audit) => {
      const c = await tx.get<CertificateDoc>(C.certificates, ctx.input.serial);
      if (!c) throw new AppError('NOT_FOUND');
      if (c.status !== 'active')
        throw new AppError('INVALID_STATE', c.status === 'revoked' ? '该凭证已撤销' : '该凭证已被取代，无需撤销');
      const patch = { status: 'revoked' as const, revokedAt: ctx.now.toISOString(), revokedReason: ctx.input.reason };
      await tx.update(C.certificates, c._id, patch);
      await audit({
        onBehalfOf: c.personId,
        target: { collection: C.certificates, id: c._id },
        details: { status: 'revoked', reason: ctx.input.reason },
      });
      const person = await tx.get<PersonDoc>(COLLECTIONS.persons, c.personId);
      if (person?.openid) {
        await queueReminder(
          tx,
          {
            personId: c.personId,
            toOpenid: person.openid,
            template: 'status',
            fields: { thing1: '积分有效凭证', phrase2: '已撤销', date3: ctx.today, thing4: '详情请在小程序中查看' },
            page: 'packages/cert/index/index',
            dedupeKey: `certificate-revoked:${c._id}`,
          },
          ctx.now,
        );
      }
      return { ...c, ...patch };
    });
    return { certificate: ownView(cert, { state: 'revoked', notice: revokedNotice(cert), supersededBy: null }) };
  },
});

/**
 * Lifting a revocation (admin, with a reason, audited): the revoked serial stays revoked — copies of it in circulation
 * never turn valid again — and the next `issue` prints a new certificate. Only the application's current
 * certificate (its head) can be lifted: an older revoked one no longer decides anything.
 */
const liftRevocation = defineAction({
  input: LiftCertificateRevocationInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const cert = await ctx.mutate(async (tx, audit) => {
      const c = await tx.get<CertificateDoc>(C.certificates, ctx.input.serial);
      if (!c) throw new AppError('NOT_FOUND');
      if (c.status !== 'revoked') throw new AppError('INVALID_STATE', '该凭证未被撤销，无需解除');
      if (c.revocationLiftedAt) throw new AppError('INVALID_STATE', '该凭证的撤销已解除');
      const head = await tx.get<CertificateHeadDoc>(C.certificateHeads, c.applicationId);
      if (head?.serial !== c.serial) throw new AppError('INVALID_STATE', '该申请已出具更新的凭证，无需解除');
      const patch = {
        revocationLiftedAt: ctx.now.toISOString(),
        revocationLiftedReason: ctx.input.reason,
        revocationLiftedByOpenid: ctx.openid,
      };
      await tx.update(C.certificates, c._id, patch);
      await audit({
        onBehalfOf: c.personId,
        target: { collection: C.certificates, id: c._id },
        details: { status: 'revoked', revocationLifted: true, reason: ctx.input.reason },
      });
      const person = await tx.get<PersonDoc>(COLLECTIONS.persons, c.personId);
      if (person?.openid) {
        await queueReminder(
          tx,
          {
            personId: c.personId,
            toOpenid: person.openid,
            template: 'status',
            fields: {
              thing1: '积分有效凭证',
              phrase2: '撤销已解除',
              date3: ctx.today,
              thing4: '可重新打印积分有效凭证',
            },
            page: 'packages/cert/index/index',
            dedupeKey: `certificate-revocation-lifted:${c._id}`,
          },
          ctx.now,
        );
      }
      return { ...c, ...patch };
    });
    return { certificate: ownView(cert, { state: 'revoked', notice: revokedNotice(cert), supersededBy: null }) };
  },
});

function invalid(code: Exclude<VerifyResultCode, 'VALID'>, extra: { supersededBy?: string | null } = {}): VerifyAnswer {
  return { valid: false, code, message: VERIFY_RESULT_CODES[code], ...extra };
}

const verify = defineAction({
  input: VerifyCertificateInput,
  // Anyone with WeChat (a registry clerk, an employer) may verify: no registration needed.
  access: 'caller',
  mutates: false,
  async run(ctx): Promise<VerifyAnswer> {
    const given = 'payload' in ctx.input ? parseQrPayload(ctx.input.payload) : ctx.input;
    if (!given) return invalid('MALFORMED');
    const store = ctx.runtime.store;
    const cert = await store.get<CertificateDoc>(C.certificates, given.serial);
    if (!cert || cert.signature !== given.signature) {
      // A genuine signature under another serial means the serial was changed, not the signature.
      const owner = await store.find<CertificateDoc>(C.certificates, { signature: given.signature }, { limit: 1 });
      if (owner.length > 0) return invalid('SERIAL_MISMATCH');
      return invalid(cert ? 'SIGNATURE_INVALID' : 'SERIAL_UNKNOWN');
    }
    // The stored record itself must still carry a valid signature (a changed record is as bad as a changed paper).
    const keys = certificateKeys(ctx.runtime.secrets.certificateKey);
    if (cert.keyId !== keys.keyId || !verifyCertificateSignature(cert.content, cert.signature, keys.publicKey)) {
      return invalid('SIGNATURE_INVALID');
    }
    // Points changed since issue (an objection answer) but no new certificate was printed yet: the paper no longer
    // states the granted points, so it is superseded too (certificateState).
    const now = await certificateState(store, cert);
    if (now.state === 'revoked') return invalid('REVOKED');
    if (now.state === 'superseded') return invalid('SUPERSEDED', { supersededBy: null });
    return {
      valid: true,
      code: 'VALID',
      message: VERIFY_RESULT_CODES.VALID,
      certificate: maskedContent(cert.content),
      keyId: cert.keyId,
    };
  },
});

const publicKey = defineAction({
  input: CertificatePublicKeyInput,
  access: 'caller',
  mutates: false,
  async run(ctx) {
    const keys = certificateKeys(ctx.runtime.secrets.certificateKey);
    return {
      algorithm: 'Ed25519',
      keyId: keys.keyId,
      publicKey: keys.publicKeyB64,
      signedMessage: 'UTF-8 of "hz-points/certificate/v1\\n" + canonical JSON of the content (keys sorted, no spaces)',
    };
  },
});

export const certificatesFunction = defineFunction('certificates', {
  issue,
  list,
  download,
  revoke,
  liftRevocation,
  verify,
  publicKey,
});
