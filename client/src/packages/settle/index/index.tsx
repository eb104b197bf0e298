// 积分落户申请: the basic conditions (points ≥ 100 on an active certificate of the round, declarations checked again
// at the window), application only on acceptance days of 11-01..11-30 (closed state with the dates), and after
// publication the result and the admission notice (准入通知书) with its 60-day expiry.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  ActionButton,
  Checkbox,
  ConfirmAction,
  Field,
  FieldError,
  Radio,
  useFormErrors,
} from '../../../components/Form';
import {
  ApplySettlementInput,
  ListCertificatesInput,
  SettlementRefInput,
  DEADLINE_PERIODS,
  PATHWAY_RULES,
  URBAN_DISTRICTS,
  WithdrawSettlementInput,
  beijingDate,
  daysBetween,
  formatChineseDate,
  roundDates,
  isOpenAt,
  type ActionResult,
} from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { useReminderOffer } from '../../../services/subscribe';
import { navigate } from '../../../routes';
import { callChecked, newRequestId } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import type { CertificateView } from '../../cert/types';
import { pointsPathway } from './eligibility';

/** settlement.get's answer, as the contract declares it (shared/src/api/results.ts). */
type SettlementGet = ActionResult<'settlement', 'get'>;

const NOTICE_STATUS = { valid: '有效', expired: '已过期', used: '已落户' } as const;
/** The points a settlement application needs (准申请分值) and the admission notice's validity, from the rules package. */
const MIN_POINTS = PATHWAY_RULES.points.minPoints;
const NOTICE_DAYS = DEADLINE_PERIODS.admissionNotice.calendarDays;

/** The rules' settlement window for the year, before the server has answered with the round's own. */
function fallbackWindow(year: number): string {
  try {
    const d = roundDates(year);
    return `${formatChineseDate(d.settlementOpens)}至${formatChineseDate(d.settlementCloses)}（节假日除外）`;
  } catch {
    return '每年11月（节假日除外）';
  }
}

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
  const form = useFormErrors();
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
    setCert(c.ok ? (c.data.certificates.find((x) => x.status === 'active' && x.year === year) ?? null) : null);
  }, [onBehalfOf, year]);

  useEffect(() => {
    load();
  }, [load]);

  async function apply() {
    if (sending) return;
    form.clear();
    if (!district) return form.fail('district', '请在下方列表中选择拟落户区，再提交');
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
    if (!res.ok) return form.fail('submit', res.error.message);
    load();
  }

  async function withdraw() {
    const res = await callChecked(WithdrawSettlementInput, 'settlement', 'withdraw', {
      year,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    if (!res.ok) return form.fail('withdraw', res.error.message);
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
    : fallbackWindow(year);
  const checks = [
    {
      name: '积分有效凭证',
      ok: !!cert,
      text: cert ? `已取得${year}年度积分有效凭证（${cert.serial}）` : `尚未取得${year}年度有效的积分有效凭证`,
    },
    {
      name: '积分分值',
      ok: points !== null && points >= MIN_POINTS,
      text:
        points === null
          ? `积分须达到${MIN_POINTS}分`
          : `积分${points}分${points >= MIN_POINTS ? '，达到' : '，未达到'}${MIN_POINTS}分`,
    },
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
        extra={
          state?.acceptingNow ? <StateBadge tone="wait" text="受理中" /> : <StateBadge tone="off" text="未在受理期" />
        }
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
                <StateBadge
                  tone={c.met === true ? 'done' : c.met === false ? 'back' : 'wait'}
                  text={c.met === true ? '满足' : c.met === false ? '不满足' : '待确认'}
                />
                <Text className="flows-row__value">{c.met === true ? c.requirement : (c.reason ?? c.requirement)}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Text className="flows-muted">
          另须：持有效的浙江省居住证（市区）、年满{PATHWAY_RULES.points.minAge}
          周岁、具有完全民事行为能力、未在杭州市区落户。积分{MIN_POINTS}分是申请门槛，不是落户承诺。
        </Text>
        <View className="flows-actions">
          <ActionButton block fill="outline" onPress={() => navigate('pathways', {})} aria-label="其他落户途径自测">
            其他落户途径自测
          </ActionButton>
        </View>
      </Section>

      {state?.settlement ? (
        <Section
          title="我的申请"
          extra={
            <StateBadge
              tone={state.settlement.status === 'submitted' ? 'done' : 'off'}
              text={state.settlement.status === 'submitted' ? '已受理' : '已撤回'}
            />
          }
        >
          <Row label="拟落户区">{state.settlement.district}</Row>
          <Row label="申请积分">{state.settlement.total}分</Row>
          <Row label="受理日期">{formatChineseDate(state.settlement.appliedOn)}</Row>
          {state.settlement.status === 'submitted' && !state.result ? (
            <>
              <ConfirmAction
                question={`确定撤回${year}年度积分落户申请吗？撤回后本年度不参加落户排名；受理期内可重新提交。`}
                confirmLabel="确定撤回"
                onConfirm={withdraw}
                trigger={(open) => (
                  <View className="flows-actions">
                    <ActionButton block fill="outline" aria-label="撤回落户申请" onPress={open}>
                      撤回申请
                    </ActionButton>
                  </View>
                )}
              />
              <FieldError form={form} name="withdraw" />
            </>
          ) : null}
        </Section>
      ) : null}

      {state?.result ? (
        <Section
          title="准入结果"
          extra={
            <StateBadge
              tone={state.result.admitted ? 'done' : 'off'}
              text={state.result.admitted ? '准予落户' : '未准入'}
            />
          }
        >
          {state.result.rank ? <Row label="排名">第{state.result.rank}名</Row> : null}
          {!state.result.admitted && state.result.reason ? <Row label="原因">{state.result.reason}</Row> : null}
        </Section>
      ) : null}

      {state?.notice ? (
        <Section
          title={state.notice.title}
          extra={
            <StateBadge
              tone={state.notice.status === 'valid' ? 'done' : 'off'}
              text={NOTICE_STATUS[state.notice.status]}
            />
          }
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
          <Text className="flows-muted">
            请在有效期（{NOTICE_DAYS}天）内持通知书和身份证件到拟落户区户籍窗口办理落户。
          </Text>
        </Section>
      ) : null}

      {state?.acceptingNow && !state.settlement ? (
        <Section title="提交落户申请">
          <Field form={form} name="district" label="拟落户区">
            <Radio.Group
              value={district}
              onChange={(v) => {
                form.clear('district');
                setDistrict(String(v));
              }}
              direction="vertical"
              aria-label="拟落户区"
            >
              {URBAN_DISTRICTS.map((d) => (
                <Radio key={d} value={d}>
                  {d}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
          <Text className="flows-label">本人声明（窗口受理时核验原件）</Text>
          <Checkbox
            checked={permit}
            onChange={setPermit}
            label="持有有效的浙江省居住证（杭州市区）"
            aria-label="持有有效的浙江省居住证"
          />
          <Checkbox
            checked={capacity}
            onChange={setCapacity}
            label="具有完全民事行为能力"
            aria-label="具有完全民事行为能力"
          />
          <Checkbox checked={noHukou} onChange={setNoHukou} label="未在杭州市区落户" aria-label="未在杭州市区落户" />
          <FieldError form={form} name="submit" />
          <View className="flows-actions">
            <ActionButton
              type="primary"
              block
              loading={sending}
              disabled={sending || !cert}
              onPress={apply}
              aria-label="提交落户申请"
            >
              {sending ? '正在提交…' : '提交落户申请'}
            </ActionButton>
          </View>
        </Section>
      ) : null}
    </PageShell>
  );
}
