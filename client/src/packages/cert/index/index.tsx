// 凭证打印: the 积分有效凭证 of the applicant (or the person acted for). Issue it once printable (7 working days
// after the points are final), preview its content, and download the signed PDF. certificates.download answers a
// short-lived link (as files.read does), opened with openFileLink: the mini-program downloads it and opens it with
// openDocument, H5 opens a new tab (and keeps a link on the page in case the browser blocked the tab). A copy that is
// no longer current (stamped 已作废) is opened only after its notice is on screen and the holder asks again.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Input } from '../../../components/Form';
import {
  DEADLINE_PERIODS,
  DownloadCertificateInput,
  IssueCertificateInput,
  ListCertificatesInput,
  type CertificateDownload,
} from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { callChecked } from '../../apply/common/api';
import { openFileLink } from '../../../services/cloud';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import { CERT_STATE_TEXT, type CertificateView } from '../types';

const isH5 = process.env.TARO_ENV === 'h5';

/** H5: the link itself, for when the browser kept the new tab from opening (it opens until `expiresAt`). */
function DownloadLink(props: { link: CertificateDownload }) {
  const { url, fileName } = props.link;
  return (
    <a
      className="flows-download"
      href={url}
      download={fileName}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`下载${fileName}`}
    >
      下载 {fileName}
    </a>
  );
}

export default function CertificatePage() {
  const router = useRouter();
  const session = useSession();
  const onBehalfOf = session.actingFor?.personId;
  const applicationId = router.params.applicationId;
  const [certs, setCerts] = useState<CertificateView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [download, setDownload] = useState<CertificateDownload | null>(null);
  /** A copy that is no longer current, waiting for the holder to open it after reading why. */
  const [voided, setVoided] = useState<CertificateDownload | null>(null);
  const [permitNo, setPermitNo] = useState('');

  const load = useCallback(async () => {
    const res = await callChecked(ListCertificatesInput, 'certificates', 'list', onBehalfOf ? { onBehalfOf } : {});
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
    const res = await callChecked(IssueCertificateInput, 'certificates', 'issue', {
      applicationId: appId,
      ...(permitNo.trim() ? { residencePermitNo: permitNo.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    await load();
  }

  async function openLink(link: CertificateDownload) {
    setError(null);
    if (isH5) setDownload(link);
    try {
      await openFileLink(link.url, link.contentType);
    } catch {
      setError('无法打开PDF文件，请稍后重试');
    }
  }

  async function fetchPdf(cert: CertificateView) {
    if (busy) return;
    setError(null);
    setDownload(null);
    setVoided(null);
    setBusy(true);
    const res = await callChecked(DownloadCertificateInput, 'certificates', 'download', { serial: cert.serial });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    // Not current any more (an objection answer changed the points since the list was read): say so first.
    if (!res.data.current) return setVoided(res.data);
    await openLink(res.data);
  }

  const forApp = (c: CertificateView) => !applicationId || c.applicationId === applicationId;
  // Only a certificate that is valid now is shown as the certificate; an `active` one whose points an objection
  // answer changed is superseded already, and a revoked one says why (the list is newest first).
  const active = certs?.find((c) => c.state === 'valid' && forApp(c));
  const latest = certs?.find(forApp);
  const invalid = !active && latest && latest.state !== 'valid' ? latest : undefined;
  const others = certs?.filter((c) => c !== active && c !== invalid) ?? [];

  return (
    <PageShell title="凭证打印">
      <InfoNotice>
        积分核定满{DEADLINE_PERIODS.certificate.workdays}
        个工作日后，可打印积分有效凭证。凭证带电子签名和二维码，可在“凭证核验”中查验真伪。
      </InfoNotice>
      <ErrorNotice message={error} />
      {certs === null ? <Loading /> : null}
      {invalid ? (
        <Section title="积分有效凭证" extra={<StateBadge tone="off" text={`凭证${CERT_STATE_TEXT[invalid.state]}`} />}>
          <View className="flows-cert" aria-label="凭证状态">
            <ErrorNotice message={invalid.notice ?? `该凭证${CERT_STATE_TEXT[invalid.state]}，不能作为有效凭证使用`} />
            <Row label="凭证编号">{invalid.serial}</Row>
            <Row label="原载总积分">{invalid.content.total}分</Row>
          </View>
          {invalid.status === 'active' && invalid.state === 'superseded' && !voided ? (
            <View className="flows-actions">
              <Button
                block
                fill="outline"
                loading={busy}
                disabled={busy}
                onClick={() => fetchPdf(invalid)}
                aria-label="查看已作废凭证PDF"
              >
                查看已作废凭证（PDF）
              </Button>
            </View>
          ) : null}
        </Section>
      ) : null}
      {voided ? (
        <Section title="已作废的凭证" extra={<StateBadge tone="off" text={`凭证${CERT_STATE_TEXT.superseded}`} />}>
          <View aria-label="已作废凭证提示">
            <ErrorNotice message={voided.notice ?? `该凭证${CERT_STATE_TEXT.superseded}，不能作为有效凭证使用`} />
            <Text className="flows-muted">该PDF印有“已作废”标记，仅供查阅，不能作为有效凭证使用。</Text>
          </View>
          <View className="flows-actions">
            <Button block fill="outline" onClick={() => openLink(voided)} aria-label="仍要打开已作废凭证">
              仍要打开已作废凭证
            </Button>
            {download && !download.current ? <DownloadLink link={download} /> : null}
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
              <Button
                type="primary"
                block
                loading={busy}
                disabled={busy}
                onClick={() => issue(applicationId)}
                aria-label="出具积分有效凭证"
              >
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
            <Button
              type="primary"
              block
              loading={busy}
              disabled={busy}
              onClick={() => fetchPdf(active)}
              aria-label="下载PDF凭证"
            >
              {isH5 ? '下载PDF凭证' : '打开PDF凭证（可保存、打印）'}
            </Button>
            {download?.current ? <DownloadLink link={download} /> : null}
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
              <StateBadge tone={c.state === 'valid' ? 'done' : 'off'} text={CERT_STATE_TEXT[c.state]} />
              <Text>{c.content.total}分</Text>
              {c.notice ? <Text className="flows-muted">{c.notice}</Text> : null}
            </Row>
          ))}
        </Section>
      ) : null}
    </PageShell>
  );
}
