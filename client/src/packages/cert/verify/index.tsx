// 凭证核验: anyone (a registry clerk, an employer) checks a certificate by scanning its QR code (mini-program:
// Taro.scanCode) or by typing the serial and signature / the code text (H5 has no scanner: a text field).
import React, { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { TextArea } from '../../../components/Form';
import { VerifyCertificateInput } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { callChecked } from '../../apply/common/api';
import { ErrorNotice, InfoNotice, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import type { VerifyAnswer } from '@hz-points/shared';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** "JF-2026-000001 <signature>" or the QR text "HZJF1.<serial>.<signature>". */
function toInput(text: string): Record<string, unknown> {
  const t = text.trim();
  const m = /^(JF-\d{4}-\d{6})[\s,，]+([A-Za-z0-9_-]{86})$/.exec(t);
  return m ? { serial: m[1], signature: m[2] } : { payload: t };
}

export default function VerifyPage() {
  const router = useRouter();
  const [text, setText] = useState(router.params.code ? decodeURIComponent(router.params.code) : '');
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify(value: string) {
    if (busy) return;
    setError(null);
    setAnswer(null);
    if (!value.trim()) return setError('请扫描二维码或输入凭证核验码');
    setBusy(true);
    const res = await callChecked(VerifyCertificateInput, 'certificates', 'verify', toInput(value));
    setBusy(false);
    if (!res.ok) setError(res.error.message);
    else setAnswer(res.data);
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      setText(res.result);
      verify(res.result);
    } catch {
      /* the user closed the scanner */
    }
  }

  return (
    <PageShell title="凭证核验" hideActingFor>
      <InfoNotice>
        扫描积分有效凭证上的二维码，或输入凭证上的核验码（凭证编号和电子签名），即可查验凭证真伪。
      </InfoNotice>
      <Section title="核验方式">
        {isWeapp ? (
          <View className="flows-actions">
            <Button type="primary" block onClick={scan} aria-label="扫描二维码核验凭证">
              扫描二维码
            </Button>
          </View>
        ) : null}
        <Text className="flows-label">核验码</Text>
        <TextArea
          value={text}
          onChange={setText}
          placeholder="粘贴二维码内容（HZJF1.开头），或输入“凭证编号 电子签名”"
          aria-label="凭证核验码"
          maxLength={300}
        />
        <View className="flows-actions">
          <Button
            type="primary"
            block
            loading={busy}
            disabled={busy}
            onClick={() => verify(text)}
            aria-label="核验凭证"
          >
            核验
          </Button>
        </View>
      </Section>
      <ErrorNotice message={error} />
      {answer ? (
        <Section
          title="核验结果"
          extra={<StateBadge tone={answer.valid ? 'done' : 'back'} text={answer.valid ? '真实有效' : '核验未通过'} />}
        >
          <View role="status" aria-live="polite">
            <Text className="flows-item__title">{answer.message}</Text>
          </View>
          {answer.valid ? (
            <>
              <Row label="凭证编号">{answer.certificate.serial}</Row>
              <Row label="积分年度">{answer.certificate.round}年度</Row>
              <Row label="姓名">{answer.certificate.name}</Row>
              <Row label="身份证号">{answer.certificate.idMasked}</Row>
              <Row label="总积分">{answer.certificate.total}分</Row>
              <Row label="出具日期">{formatChineseDate(answer.certificate.issueDate)}</Row>
            </>
          ) : null}
          {!answer.valid && answer.supersededBy ? <Row label="最新凭证">{answer.supersededBy}</Row> : null}
        </Section>
      ) : null}
    </PageShell>
  );
}
