// 凭证打印: a revoked certificate shows as revoked with its reason, and an active one whose points an objection answer
// changed shows as superseded (作废) — neither is presented as the valid certificate. The PDF comes as a short-lived
// link opened with openFileLink; a copy stamped 已作废 only after its notice is on screen and the holder asks again.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler, __setRouterParams } from '../__mocks__/taro';
import { openFileLink } from '../../src/services/cloud';
import CertificatePage from '../../src/packages/cert/index';
import { sessionStore } from '../../src/services/session';
import type { CertificateView } from '../../src/packages/cert/types';

jest.mock('../../src/services/cloud', () => ({
  ...jest.requireActual('../../src/services/cloud'),
  openFileLink: jest.fn(async () => undefined),
}));
const opened = openFileLink as jest.MockedFunction<typeof openFileLink>;

const base: CertificateView = {
  serial: 'JF-2025-000001',
  year: 2025,
  applicationId: 'app-2025-p-demo-applicant',
  status: 'active',
  state: 'valid',
  notice: null,
  grantedOn: '2025-09-16',
  issuedOn: '2025-09-26',
  supersededBy: null,
  revokedAt: null,
  revokedReason: null,
  revocationLiftedAt: null,
  revocationLiftedReason: null,
  content: {
    v: 1,
    serial: 'JF-2025-000001',
    round: 2025,
    name: '演示申请人',
    idMasked: '330106********001X',
    permitNo: '330106202300000001',
    cutOffDate: '2025-10-01',
    items: [{ code: 'age', name: '年龄', points: 30 }],
    total: 148,
    issueDate: '2025-09-26',
  },
  signature: 'x'.repeat(86),
  keyId: 'abc',
  qrPayload: 'HZJF1.JF-2025-000001.x',
};

function openWith(certificates: CertificateView[], download?: (serial: string) => unknown) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'certificates' && p.action === 'list') return { ok: true, data: { certificates } };
    if (name === 'certificates' && p.action === 'download' && download) return download(p.serial as string);
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  __setRouterParams({ applicationId: base.applicationId });
  return render(<CertificatePage />);
}

beforeEach(() => {
  __reset();
  opened.mockClear();
  sessionStore.set({ openid: 'demo-applicant', me: null, status: 'idle', error: null, actingFor: null });
});

test('a revoked certificate: 已撤销 with the reason, not 凭证有效', async () => {
  const notice = '该积分有效凭证（JF-2025-000001）已于2025年9月26日被撤销，撤销原因：居住登记材料经核查不实';
  openWith([{ ...base, status: 'revoked', state: 'revoked', notice, revokedReason: '居住登记材料经核查不实' }]);
  expect(await screen.findByLabelText('凭证已撤销')).toBeTruthy();
  expect(screen.getByText(notice)).toBeTruthy();
  expect(screen.queryByLabelText('凭证有效')).toBeNull();
  expect(screen.queryByLabelText('下载PDF凭证')).toBeNull();
});

test('an active certificate whose points an objection answer changed: 已作废, not 凭证有效', async () => {
  const notice =
    '该积分有效凭证（JF-2025-000001）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证';
  openWith([{ ...base, state: 'superseded', notice }]);
  expect(await screen.findByLabelText('凭证已作废（已被新凭证取代）')).toBeTruthy();
  expect(screen.getByText(notice)).toBeTruthy();
  expect(screen.queryByLabelText('凭证有效')).toBeNull();
  expect(screen.getByText('重新出具凭证')).toBeTruthy();
});

test('a valid certificate is shown as valid', async () => {
  openWith([{ ...base, state: 'valid', notice: null }]);
  expect(await screen.findByLabelText('凭证有效')).toBeTruthy();
  expect(screen.getByLabelText('下载PDF凭证')).toBeTruthy();
});

const LINK =
  '/api/files/download/certificates/app-2025-p-demo-applicant/JF-2025-000001.pdf?expires=1758852600000&sig=abc';
const linkAnswer = (over: Record<string, unknown> = {}) => ({
  ok: true,
  data: {
    serial: 'JF-2025-000001',
    state: 'valid',
    current: true,
    notice: null,
    fileName: '积分有效凭证-JF-2025-000001.pdf',
    contentType: 'application/pdf',
    size: 41234,
    url: LINK,
    expiresAt: '2025-09-26T02:10:00.000Z',
    ...over,
  },
});

test('downloading a valid certificate opens its link with the platform viewer, and keeps the link on the page (H5)', async () => {
  openWith([{ ...base, state: 'valid', notice: null }], () => linkAnswer());
  fireEvent.click(await screen.findByLabelText('下载PDF凭证'));
  await waitFor(() => expect(opened).toHaveBeenCalledWith(LINK, 'application/pdf'));
  expect(__cloudCalls().find((c) => (c.data as { action: string }).action === 'download')?.data).toEqual({
    action: 'download',
    serial: 'JF-2025-000001',
  });
  const link = screen.getByLabelText('下载积分有效凭证-JF-2025-000001.pdf') as HTMLAnchorElement;
  expect(link.getAttribute('href')).toBe(LINK);
});

test('a refused download shows the message and opens nothing', async () => {
  const message = '该积分有效凭证（JF-2025-000001）已于2025年9月26日被撤销，撤销原因：居住登记材料经核查不实';
  openWith([{ ...base, state: 'valid', notice: null }], () => ({
    ok: false,
    error: { code: 'CERTIFICATE_REVOKED', message },
  }));
  fireEvent.click(await screen.findByLabelText('下载PDF凭证'));
  expect(await screen.findByText(message)).toBeTruthy();
  expect(opened).not.toHaveBeenCalled();
});

test('a copy stamped 已作废: its notice is on screen before it opens, and it opens only when asked again', async () => {
  const notice =
    '该积分有效凭证（JF-2025-000001）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证';
  const voidedLink = LINK.replace('JF-2025-000001.pdf', 'JF-2025-000001-superseded-0123456789abcdef.pdf');
  openWith([{ ...base, state: 'superseded', notice }], () =>
    linkAnswer({
      state: 'superseded',
      current: false,
      notice,
      fileName: '积分有效凭证-JF-2025-000001-已作废.pdf',
      url: voidedLink,
    }),
  );
  fireEvent.click(await screen.findByLabelText('查看已作废凭证PDF'));
  const warning = await screen.findByLabelText('已作废凭证提示');
  expect(warning.textContent).toContain(notice);
  expect(warning.textContent).toContain('不能作为有效凭证使用');
  expect(opened).not.toHaveBeenCalled();
  fireEvent.click(screen.getByLabelText('仍要打开已作废凭证'));
  await waitFor(() => expect(opened).toHaveBeenCalledWith(voidedLink, 'application/pdf'));
  expect(screen.queryByLabelText('凭证有效')).toBeNull();
});

test('a certificate listed as valid that the server answers as superseded is not opened before its notice is shown', async () => {
  const notice =
    '该积分有效凭证（JF-2025-000001）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证';
  openWith([{ ...base, state: 'valid', notice: null }], () =>
    linkAnswer({ state: 'superseded', current: false, notice, fileName: '积分有效凭证-JF-2025-000001-已作废.pdf' }),
  );
  fireEvent.click(await screen.findByLabelText('下载PDF凭证'));
  expect((await screen.findByLabelText('已作废凭证提示')).textContent).toContain(notice);
  expect(opened).not.toHaveBeenCalled();
  expect(screen.queryByLabelText('下载积分有效凭证-JF-2025-000001.pdf')).toBeNull();
});
