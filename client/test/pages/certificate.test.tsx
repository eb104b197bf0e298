// 凭证打印: a revoked certificate shows as revoked with its reason, and an active one whose points an objection answer
// changed shows as superseded (作废) — neither is presented as the valid certificate.
import { render, screen } from '@testing-library/react';
import { __reset, __setCloudHandler, __setRouterParams } from '../__mocks__/taro';
import CertificatePage from '../../src/packages/cert/index';
import { sessionStore } from '../../src/services/session';
import type { CertificateView } from '../../src/packages/cert/types';

const base: CertificateView = {
  serial: 'JF-2025-000001',
  year: 2025,
  applicationId: 'app-2025-p-demo-applicant',
  status: 'active',
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

function openWith(certificates: CertificateView[]) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'certificates' && p.action === 'list') return { ok: true, data: { certificates } };
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
  __setRouterParams({ applicationId: base.applicationId });
  return render(<CertificatePage />);
}

beforeEach(() => {
  __reset();
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
  const notice = '该积分有效凭证（JF-2025-000001）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证';
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
