// certificates: the 积分有效凭证 — issue (7 working days after the points are granted), re-issue after an
// objection answer (the old one is superseded), revoke (admin), download as PDF (owner, delegate, admin), and a
// public verify that anyone holding a printed copy can call.
import {
  CertificatePublicKeyInput,
  DownloadCertificateInput,
  IssueCertificateInput,
  ListCertificatesInput,
  RevokeCertificateInput,
  VERIFY_RESULT_CODES,
  VerifyCertificateInput,
  certificateDate,
  type VerifyResultCode,
} from '@hz-points/shared';
import { defineAction, defineFunction, type ActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { COLLECTIONS, type ApplicationDoc, type ObjectionDoc, type PersonDoc } from '../../core/model';
import { renderCertificatePdf } from '../../pdf/certificate';
import { maskDocumentNumber, maskName, OWN_COLLECTIONS, ownError, personOrStaffAction, pick, subjectAction } from '../rounds/codes';
import { queueReminder, recipientOf } from '../reminders/outbox';
import {
  buildContent,
  contentKey,
  grantedOn,
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

const C = OWN_COLLECTIONS;

/** What the owner (or their delegate, or an admin) sees of a certificate. */
function ownView(c: CertificateDoc) {
  return {
    ...pick(c, ['serial', 'year', 'applicationId', 'status', 'content', 'signature', 'keyId']),
    qrPayload: qrPayload(c.serial, c.signature),
    ...pick(c, ['grantedOn', 'issuedOn', 'supersededBy', 'revokedAt', 'revokedReason']),
  };
}

/** What a verifier sees: the content with name, ID and permit number masked. */
function maskedContent(c: CertificateContent) {
  return { ...c, name: maskName(c.name), permitNo: maskDocumentNumber(c.permitNo) };
}

async function loadObjection(ctx: ActionContext<unknown>, app: ApplicationDoc): Promise<ObjectionDoc | null> {
  return app.objectionId ? ctx.runtime.store.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
}

// Applicants and delegates print in the mini-program; district offices and admins at the window.
const issue = personOrStaffAction(['district-office', 'admin'], {
  input: IssueCertificateInput,
  mutates: true,
  async run(ctx, reach) {
    const store = ctx.runtime.store;
    const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, ctx.input.applicationId);
    if (!app) throw new AppError('NOT_FOUND');
    const allowed = await reach(app.personId);
    const person = allowed.subject;

    const objection = await loadObjection(ctx, app);
    if (objection && objection.status === 'open') throw ownError('POINTS_NOT_FINAL');
    const granted = grantedOn(app, objection);
    if (!granted || granted > ctx.today) throw ownError('POINTS_NOT_FINAL');
    if (app.points!.total === null) throw ownError('POINTS_VETOED');
    const availableFrom = certificateDate(granted);
    if (ctx.today < availableFrom) {
      throw ownError('CERTIFICATE_NOT_YET_AVAILABLE', `积分有效凭证须在积分核定满7个工作日后方可打印，本次可打印日期为${availableFrom}`);
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
        (typeof person.residencePermitNo === 'string' && person.residencePermitNo ? person.residencePermitNo : current?.content.permitNo);
      if (!permitNo) throw new AppError('VALIDATION_FAILED', '居住证号码：首次打印积分有效凭证请填写居住证号码');

      const draft = buildContent('JF-0000-000000', fresh, person, permitNo, ctx.today);
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
        details: { applicationId: app._id, total: content.total, supersedes: current?.status === 'active' ? current.serial : null },
      });
      // To the person's WeChat, or to the delegate printing for someone without it; staff at a window get none.
      const to = allowed.access.kind === 'staff' ? person.openid : recipientOf(person, ctx.openid);
      if (to) await queueReminder(
        tx,
        {
          personId: person._id,
          toOpenid: to,
          template: 'status',
          fields: { thing1: '积分有效凭证', phrase2: '已出具', date3: ctx.today, thing4: `${content.round}年度积分${content.total}分` },
          page: 'packages/cert/index/index',
          dedupeKey: `certificate-issued:${serial}`,
        },
        ctx.now,
      );
      return { certificate: doc, reissued: current?.status === 'active', created: true };
    });
    return { certificate: ownView(result.certificate), reissued: result.reissued, created: result.created };
  },
});

const list = subjectAction({
  input: ListCertificatesInput,
  mutates: false,
  async run(ctx, { subject }) {
    const docs = await ctx.runtime.store.find<CertificateDoc>(C.certificates, { personId: subject._id }, {
      orderBy: [['issuedAt', 'desc']],
      limit: 100,
    });
    return { certificates: docs.map(ownView) };
  },
});

const download = personOrStaffAction(['admin'], {
  input: DownloadCertificateInput,
  mutates: false,
  async run(ctx, reach) {
    const store = ctx.runtime.store;
    const cert = await store.get<CertificateDoc>(C.certificates, ctx.input.serial);
    if (!cert) throw new AppError('NOT_FOUND');
    await reach(cert.personId);
    if (cert.status === 'revoked') throw ownError('CERTIFICATE_REVOKED');
    if (cert.status === 'superseded') throw ownError('CERTIFICATE_SUPERSEDED', `该凭证已被新凭证（${cert.supersededBy}）取代，请下载最新凭证`);
    // Rendered on demand: the PDF is a pure function of the signed record, so nothing extra is stored.
    const pdf = await renderCertificatePdf({
      content: cert.content,
      signature: cert.signature,
      keyId: cert.keyId,
      qrText: qrPayload(cert.serial, cert.signature),
    });
    return {
      serial: cert.serial,
      fileName: `积分有效凭证-${cert.serial}.pdf`,
      contentType: 'application/pdf',
      size: pdf.length,
      contentBase64: pdf.toString('base64'),
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
      if (c.status !== 'active') throw new AppError('INVALID_STATE', c.status === 'revoked' ? '该凭证已撤销' : '该凭证已被取代，无需撤销');
      const patch = { status: 'revoked' as const, revokedAt: ctx.now.toISOString(), revokedReason: ctx.input.reason };
      await tx.update(C.certificates, c._id, patch);
      await audit({ onBehalfOf: c.personId, target: { collection: C.certificates, id: c._id }, details: { status: 'revoked' } });
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
    return { certificate: ownView(cert) };
  },
});

export type VerifyAnswer =
  | { valid: true; code: 'VALID'; message: string; certificate: ReturnType<typeof maskedContent>; keyId: string }
  | { valid: false; code: Exclude<VerifyResultCode, 'VALID'>; message: string; supersededBy?: string | null };

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
    if (cert.status === 'revoked') return invalid('REVOKED');
    if (cert.status === 'superseded') return invalid('SUPERSEDED', { supersededBy: null });
    // Points changed since issue (an objection answer) but no new certificate was printed yet: the paper no longer
    // states the granted points, so it is superseded too.
    const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, cert.applicationId);
    const person = await store.get<PersonDoc>(COLLECTIONS.persons, cert.personId);
    if (!app || !person || !app.points || app.points.total === null) return invalid('SUPERSEDED', { supersededBy: null });
    const current = buildContent(cert.serial, app, person, cert.content.permitNo, cert.content.issueDate);
    if (contentKey(current) !== cert.contentKey) return invalid('SUPERSEDED', { supersededBy: null });
    return { valid: true, code: 'VALID', message: VERIFY_RESULT_CODES.VALID, certificate: maskedContent(cert.content), keyId: cert.keyId };
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

export const certificatesFunction = defineFunction('certificates', { issue, list, download, revoke, verify, publicKey });
