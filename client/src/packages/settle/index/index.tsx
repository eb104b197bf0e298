// 积分落户申请: the basic conditions (points ≥ 100 on an active certificate of the round, declarations checked again
// at the window), application only on acceptance days of 11-01..11-30 (closed state with the dates), and after
// publication the result and the admission notice (准入通知书) with its 60-day expiry.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Checkbox, Radio } from '../../../components/Form';
import {
  ApplySettlementInput,
  ListCertificatesInput,
  SettlementRefInput,
  URBAN_DISTRICTS,
  beijingDate,
  isOpenAt,
  daysBetween,
  type SettlementGetResult as SettlementGet,
} from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { useReminderOffer } from '../../../services/subscribe';
import { navigate } from '../../../routes';
import { callChecked, newRequestId } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import type { CertificateView } from '../../cert/types';
import { pointsPathway } from './eligibility';
import { POINTS_THRESHOLD } from '@hz-points/shared';

const NOTICE_STATUS = { valid: '有效', expired: '已过期', used: '已落户' } as const;

/** Calendar days from today (Beijing) to a last day. */
function daysLeft(lastDay: string, now: Date): number {
  return daysBetween(beijingDate(now), lastDay);
}

export default function SettlePage() {
  const session = useSession();
  const now = useNow();
  const onBehalfOf = session.actingFor?.personId;
  const year = Number(beijingDate(now).slice(0, 4));
  const [state, setState] = useState<SettlementGet | null>(null);
  const [cert, setCert] = useState<CertificateView | null | undefined>(undefined);
  const [district, setDistrict] = useState<string>('');
  const [permit, setPermit] = useState(false);
  const [capacity, setCapacity] = useState(false);
  const [noHukou, setNoHukou] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef(newRequestId());
  const offerReminders = useReminderOffer('settlementApplied');

  const load = useCallback(async () => {
    setError(null);
    const who = onBehalfOf ? { onBehalfOf } : {};
    const [s, c] = await Promise.all([
      callChecked(SettlementRefInput, 'settlement', 'get', { year, ...who }),
      callChecked(ListCertificatesInput, 'certificates', 'list', who),
    ]);
    if (!s.ok) setError(s.error.message);
    else setState(s.data);
    setCert(c.ok ? c.data.certificates.find((x) => x.status === 'active' && x.year === year) ?? null : null);
  }, [onBehalfOf, year]);

  useEffect(() => {
    load();
  }, [load]);

  async function apply() {
    if (sending) return;
    setError(null);
    if (!district) return setError('请选择拟落户区');
    void offerReminders(); // before any await: WeChat shows its dialog only from the tap itself
    setSending(true);
    const res = await callChecked(ApplySettlementInput, 'settlement', 'apply', {
      year,
      ...(onBehalfOf ? { onBehalfOf } : {}),
      district,
      declarations: { validResidencePermit: permit, fullCivilCapacity: capacity, hasUrbanHangzhouHukou: !noHukou },
      requestId: requestId.current,
    });
    setSending(false);
    if (!res.ok) return setError(res.error.message);
    load();
  }

  if (!state && !error) {
    return (
      <PageShell title="落户申请">
        <Loading />
      </PageShell>
    );
  }

  const points = cert?.content.total ?? null;
  const windowText = state?.window
    ? `${formatChineseDate(state.window.opens)}至${formatChineseDate(state.window.closes)}（节假日除外）`
    : `${year}年11月1日至11月30日（节假日除外）`;
  const checks = [
    { name: '积分有效凭证', ok: !!cert, text: cert ? `已取得${year}年度积分有效凭证（${cert.serial}）` : `尚未取得${year}年度有效的积分有效凭证` },
    { name: '积分分值', ok: points !== null && points >= POINTS_THRESHOLD, text: points === null ? `积分须达到${POINTS_THRESHOLD}分` : `积分${points}分${points >= POINTS_THRESHOLD ? `，达到${POINTS_THRESHOLD}分` : `，未达到${POINTS_THRESHOLD}分`}` },
  ];

  // Own ID number only (the server masks it for delegates): then the rules package can check the points pathway.
  const pathway = onBehalfOf
    ? null
    : pointsPathway({
        idNumber: session.me?.idNumber,
        points,
        residencePermitValid: permit,
        fullCivilCapacity: capacity,
        noUrbanHukou: noHukou,
        on: beijingDate(now),
      });

  return (
    <PageShell title="落户申请">
      <ErrorNotice message={error} />
      <Section
        title={`${year}年度积分落户`}
        extra={state?.acceptingNow ? <StateBadge tone="wait" text="受理中" /> : <StateBadge tone="off" text="未在受理期" />}
      >
        <Row label="受理时间">{windowText}</Row>
        {!state?.acceptingNow && !state?.settlement ? (
          <Text className="flows-muted">
            积分落户申请每年11月集中受理，仅在受理期内的工作日可提交；当前不在受理时间内。
          </Text>
        ) : null}
      </Section>

      <Section title="基本条件">
        {checks.map((c) => (
          <Row key={c.name} label={c.name}>
            <StateBadge tone={c.ok ? 'done' : 'back'} text={c.ok ? '符合' : '不符合'} />
            <Text>{c.text}</Text>
          </Row>
        ))}
        {pathway ? (
          <View aria-label="积分落户条件自查">
            <Text className="flows-label">{pathway.label}：逐项自查（勾选下方声明后更新）</Text>
            {pathway.conditions.map((c) => (
              <View key={c.key} className="flows-row">
                <StateBadge tone={c.met === true ? 'done' : c.met === false ? 'back' : 'wait'} text={c.met === true ? '满足' : c.met === false ? '不满足' : '待确认'} />
                <Text className="flows-row__value">{c.met === true ? c.requirement : c.reason ?? c.requirement}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Text className="flows-muted">
          {`另须：持有效的浙江省居住证（市区）、年满18周岁、具有完全民事行为能力、未在杭州市区落户。积分${POINTS_THRESHOLD}分是申请门槛，不是落户承诺。`}
        </Text>
        <View className="flows-actions">
          <Button block fill="outline" onClick={() => navigate('pathways', {})}>
            其他落户途径自测
          </Button>
        </View>
      </Section>

      {state?.settlement ? (
        <Section title="我的申请" extra={<StateBadge tone={state.settlement.status === 'submitted' ? 'done' : 'off'} text={state.settlement.status === 'submitted' ? '已受理' : '已撤回'} />}>
          <Row label="拟落户区">{state.settlement.district}</Row>
          <Row label="申请积分">{state.settlement.total}分</Row>
          <Row label="受理日期">{formatChineseDate(state.settlement.appliedOn)}</Row>
        </Section>
      ) : null}

      {state?.result ? (
        <Section title="准入结果" extra={<StateBadge tone={state.result.admitted ? 'done' : 'off'} text={state.result.admitted ? '准予落户' : '未准入'} />}>
          {state.result.rank ? <Row label="排名">第{state.result.rank}名</Row> : null}
          {!state.result.admitted && state.result.reason ? <Row label="原因">{state.result.reason}</Row> : null}
        </Section>
      ) : null}

      {state?.notice ? (
        <Section
          title={state.notice.title}
          extra={<StateBadge tone={state.notice.status === 'valid' ? 'done' : 'off'} text={NOTICE_STATUS[state.notice.status]} />}
        >
          <Row label="通知书编号">{state.notice.number}</Row>
          <Row label="签发日期">{formatChineseDate(state.notice.issuedOn)}</Row>
          <Row label="有效期至">
            <Text>
              {formatChineseDate(state.notice.expiresOn)}
              {state.notice.status === 'valid' && isOpenAt(state.notice.expiresOn, now)
                ? `（还剩${daysLeft(state.notice.expiresOn, now)}天）`
                : ''}
            </Text>
          </Row>
          <Text className="flows-muted">请在有效期（60天）内持通知书和身份证件到拟落户区户籍窗口办理落户。</Text>
        </Section>
      ) : null}

      {state?.acceptingNow && !state.settlement ? (
        <Section title="提交落户申请">
          <Text className="flows-label">拟落户区</Text>
          <Radio.Group value={district} onChange={(v) => setDistrict(String(v))} direction="vertical" aria-label="拟落户区">
            {URBAN_DISTRICTS.map((d) => (
              <Radio key={d} value={d}>
                {d}
              </Radio>
            ))}
          </Radio.Group>
          <Text className="flows-label">本人声明（窗口受理时核验原件）</Text>
          <Checkbox checked={permit} onChange={setPermit} label="持有有效的浙江省居住证（杭州市区）" aria-label="持有有效的浙江省居住证" />
          <Checkbox checked={capacity} onChange={setCapacity} label="具有完全民事行为能力" aria-label="具有完全民事行为能力" />
          <Checkbox checked={noHukou} onChange={setNoHukou} label="未在杭州市区落户" aria-label="未在杭州市区落户" />
          <View className="flows-actions">
            <Button type="primary" block loading={sending} disabled={sending || !cert} onClick={apply} aria-label="提交落户申请">
              {sending ? '正在提交…' : '提交落户申请'}
            </Button>
          </View>
        </Section>
      ) : null}
    </PageShell>
  );
}
