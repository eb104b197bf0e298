// 凭证打印: the 积分有效凭证 of the applicant (or the person acted for). Issue it once printable (7 working days
// after the points are final), preview its content, and download the signed PDF: the mini-program saves it to a
// temp file and opens it with Taro.openDocument; H5 offers a blob download link.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Input } from '../../../components/Form';
import { DownloadCertificateInput, IssueCertificateInput, ListCertificatesInput } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { callChecked } from '../../apply/common/api';
import { base64ToBlobUrl, openBase64File } from '../../apply/common/openFile';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import { CERT_STATE_TEXT, certificateState, type CertificateView } from '../types';

const isH5 = process.env.TARO_ENV === 'h5';

export default function CertificatePage() {
  const router = useRouter();
  const session = useSession();
  const onBehalfOf = session.actingFor?.personId;
  const applicationId = router.params.applicationId;
  const [certs, setCerts] = useState<CertificateView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
  const [permitNo, setPermitNo] = useState('');

  const load = useCallback(async () => {
    const res = await callChecked<{ certificates: CertificateView[] }>(ListCertificatesInput, 'certificates', 'list', onBehalfOf ? { onBehalfOf } : {});
    if (!res.ok) {
      setError(res.error.message);
      setCerts([]);
    } else setCerts(res.data.certificates);
  }, [onBehalfOf]);

  useEffect(() => {
    load();
  }, [load]);

  async function issue(appId: string) {
    if (busy) return;
    setError(null);
    setBusy(true);
    const res = await callChecked<{ certificate: CertificateView }>(IssueCertificateInput, 'certificates', 'issue', {
      applicationId: appId,
      ...(permitNo.trim() ? { residencePermitNo: permitNo.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    await load();
  }

  async function fetchPdf(cert: CertificateView) {
    if (busy) return;
    setError(null);
    setBusy(true);
    const res = await callChecked<{ fileName: string; contentType: string; contentBase64: string }>(
      DownloadCertificateInput,
      'certificates',
      'download',
      { serial: cert.serial },
    );
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    if (isH5) {
      setDownload({ url: base64ToBlobUrl(res.data.contentBase64, res.data.contentType), fileName: res.data.fileName });
      return;
    }
    try {
      await openBase64File(res.data.contentBase64, res.data.contentType, `${cert.serial}.pdf`);
    } catch {
      setError('无法打开PDF文件，请稍后重试');
    }
  }

  const forApp = (c: CertificateView) => !applicationId || c.applicationId === applicationId;
  // Only a certificate that is valid now is shown as the certificate; an `active` one whose points an objection
  // answer changed is superseded already, and a revoked one says why (the list is newest first).
  const active = certs?.find((c) => certificateState(c) === 'valid' && forApp(c));
  const latest = certs?.find(forApp);
  const invalid = !active && latest && certificateState(latest) !== 'valid' ? latest : undefined;
  const others = certs?.filter((c) => c !== active && c !== invalid) ?? [];

  return (
    <PageShell title="凭证打印">
      <InfoNotice>积分核定满7个工作日后，可打印积分有效凭证。凭证带电子签名和二维码，可在“凭证核验”中查验真伪。</InfoNotice>
      <ErrorNotice message={error} />
      {certs === null ? <Loading /> : null}
      {invalid ? (
        <Section title="积分有效凭证" extra={<StateBadge tone="off" text={`凭证${CERT_STATE_TEXT[certificateState(invalid)]}`} />}>
          <View className="flows-cert" aria-label="凭证状态">
            <ErrorNotice message={invalid.notice ?? `该凭证${CERT_STATE_TEXT[certificateState(invalid)]}，不能作为有效凭证使用`} />
            <Row label="凭证编号">{invalid.serial}</Row>
            <Row label="原载总积分">{invalid.content.total}分</Row>
          </View>
        </Section>
      ) : null}
      {certs && !active ? (
        <Section title={invalid ? '重新出具凭证' : '尚未出具凭证'}>
          <Text className="flows-muted">
            {applicationId ? '积分结果确认后可申请出具积分有效凭证。' : '请从“积分查询”中选择已核定的积分申请。'}
          </Text>
          {applicationId ? (
            <>
              <Text className="flows-label">居住证号码</Text>
              <Input
                className="flows-input"
                value={permitNo}
                onChange={setPermitNo}
                maxLength={30}
                placeholder="首次打印须填写，印在凭证上"
                aria-label="居住证号码"
              />
            </>
          ) : null}
          <View className="flows-actions">
            {applicationId ? (
              <Button type="primary" block loading={busy} disabled={busy} onClick={() => issue(applicationId)} aria-label="出具积分有效凭证">
                出具积分有效凭证
              </Button>
            ) : (
              <Button block onClick={() => navigate('applyProgress', {})}>
                去积分查询
              </Button>
            )}
          </View>
        </Section>
      ) : null}
      {active ? (
        <Section title="积分有效凭证" extra={<StateBadge tone="done" text={`凭证${CERT_STATE_TEXT.valid}`} />}>
          <View className="flows-cert" aria-label="凭证预览">
            <Row label="凭证编号">{active.serial}</Row>
            <Row label="积分年度">{active.content.round}年度</Row>
            <Row label="姓名">{active.content.name}</Row>
            <Row label="身份证号">{active.content.idMasked}</Row>
            <Row label="指标截止日">{formatChineseDate(active.content.cutOffDate)}</Row>
            {active.content.items
              .filter((i) => i.points !== 0)
              .map((i) => (
                <Row key={i.code} label={i.name}>
                  {i.points}分
                </Row>
              ))}
            <Row label="总积分">
              <Text className="flows-item__title">{active.content.total}分</Text>
            </Row>
            <Row label="出具日期">{formatChineseDate(active.content.issueDate)}</Row>
            <Row label="核验码">
              <Text selectable className="flows-muted" style={{ wordBreak: 'break-all' }}>
                {active.qrPayload}
              </Text>
            </Row>
          </View>
          <View className="flows-actions">
            <Button type="primary" block loading={busy} disabled={busy} onClick={() => fetchPdf(active)} aria-label="下载PDF凭证">
              {isH5 ? '生成PDF下载' : '打开PDF凭证（可保存、打印）'}
            </Button>
            {download ? (
              <a className="flows-download" href={download.url} download={download.fileName} aria-label={`下载${download.fileName}`}>
                下载 {download.fileName}
              </a>
            ) : null}
            <Button block fill="outline" onClick={() => navigate('certVerify', { code: active.qrPayload })}>
              核验本凭证
            </Button>
          </View>
        </Section>
      ) : null}
      {others.length > 0 ? (
        <Section title="历史凭证">
          {others.map((c) => (
            <Row key={c.serial} label={c.serial}>
              <StateBadge tone={certificateState(c) === 'valid' ? 'done' : 'off'} text={CERT_STATE_TEXT[certificateState(c)]} />
              <Text>{c.content.total}分</Text>
              {c.notice ? <Text className="flows-muted">{c.notice}</Text> : null}
            </Row>
          ))}
        </Section>
      ) : null}
    </PageShell>
  );
}
