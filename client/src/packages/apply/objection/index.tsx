// 异议申请: only between the result day and the objection deadline (7 working days, shown as a countdown); outside
// the window the page says why; evidence may be attached (optional); once filed it shows the answer deadline and,
// when it comes, the answer.
import React, { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Checkbox, TextArea } from '../../../components/Form';
import { DEADLINE_PERIODS, EVIDENCE_FILES_MAX, OBJECTION_TEXT_MAX, type IndicatorCode } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { useReminderOffer } from '../../../services/subscribe';
import { navigate } from '../../../routes';
import { call, newRequestId } from '../common/api';
import { resolveApplicationId } from '../common/applications';
import { indicatorLabel } from '../common/claims';
import { EvidencePicker, type EvidenceFile } from '../common/EvidencePicker';
import { useNow } from '../common/now';
import type { GetApplicationResult, Objection } from '../common/types';
import { Deadline, ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge, StatusBadge } from '../common/ui';
import { formatChineseDate } from '../common/workdays';
import { objectionWindow } from './window';

export function ObjectionView(props: {
  data: GetApplicationResult;
  now: Date;
  onFiled: (o: Objection) => void;
  /** Acting for someone: evidence is uploaded as theirs. */
  onBehalfOf?: string;
}) {
  const { application: app, items, objection } = props.data;
  const w = objectionWindow(app, objection, props.now);
  const [chosen, setChosen] = useState<IndicatorCode[]>([]);
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef(newRequestId());
  const offerReminders = useReminderOffer('objectionFiled');

  async function file() {
    if (sending) return;
    setError(null);
    if (chosen.length === 0) {
      setError('请选择有异议的指标');
      return;
    }
    void offerReminders(); // before any await: WeChat shows its dialog only from the tap itself
    setSending(true);
    const res = await call('objections', 'file', {
      applicationId: app.applicationId,
      indicators: chosen,
      reason: reason.trim(),
      ...(files.length ? { evidence: files.map((f) => f.fileId) } : {}),
      requestId: requestId.current,
    });
    setSending(false);
    if (!res.ok) setError(res.error.message);
    else props.onFiled(res.data.objection);
  }

  if (w.state === 'not-published') {
    return (
      <Section title="暂不能提出异议" extra={<StateBadge tone="off" text="未开放" />}>
        <Text className="flows-muted">
          积分结果公布后{DEADLINE_PERIODS.objection.workdays}个工作日内可以提出异议。结果查询日：
          {formatChineseDate(app.resultOn ?? app.resultDate)}。
        </Text>
      </Section>
    );
  }
  if (w.state === 'closed') {
    return (
      <Section title="异议期已结束" extra={<StateBadge tone="off" text="已截止" />}>
        <Text className="flows-muted">
          异议应在积分结果公布后{DEADLINE_PERIODS.objection.workdays}个工作日内提出
          {w.lastDay ? `（截止${formatChineseDate(w.lastDay)}）` : ''}
          ，逾期未提出视为确认积分分值。
        </Text>
      </Section>
    );
  }
  if (w.state === 'filed') {
    const o = w.objection;
    return (
      <>
        <Section
          title="异议信息"
          extra={
            o.status === 'answered' ? (
              <StateBadge tone="done" text="已答复" />
            ) : (
              <StateBadge tone="wait" text="待答复" />
            )
          }
        >
          <Row label="异议指标">{o.indicators.map(indicatorLabel).join('、')}</Row>
          <Row label="异议理由">{o.reason}</Row>
          <Row label="证明材料">{o.evidence?.length ? `已提交${o.evidence.length}份` : '未提交'}</Row>
          <Row label="提出日期">{formatChineseDate(o.filedOn)}</Row>
          {o.status === 'open' && o.answerDeadlinePending ? (
            <Row label="答复期限">
              待公布：答复期限为提出异议后{DEADLINE_PERIODS.objectionAnswer.workdays}
              个工作日，所跨年度的法定节假日安排公布后即可计算
            </Row>
          ) : null}
          {o.status === 'open' && !o.answerDeadlinePending ? (
            <Deadline label="答复期限" lastDay={o.answerDeadline ?? undefined} now={props.now} />
          ) : null}
        </Section>
        {o.status === 'answered' ? (
          <Section title="答复">
            <Row label="答复意见">{o.reply}</Row>
            <Row label="答复日期">{formatChineseDate(o.answeredAt?.slice(0, 10))}</Row>
            {typeof o.pointsBefore === 'number' && typeof o.pointsAfter === 'number' ? (
              <Row label="积分">
                {o.pointsBefore === o.pointsAfter
                  ? `维持${o.pointsAfter}分`
                  : `由${o.pointsBefore}分调整为${o.pointsAfter}分`}
              </Row>
            ) : null}
          </Section>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Section title="可提出异议" extra={<StateBadge tone="wait" text="异议期内" />}>
        <Deadline label="异议期限" lastDay={w.lastDay} now={props.now} />
        <Text className="flows-muted">当前积分：{app.points?.total ?? '—'}分。逾期未提出视为确认分值。</Text>
      </Section>
      <Section title="选择有异议的指标">
        {items.map((item) => (
          <View key={item.itemId} className="flows-item">
            <View className="flows-item__head">
              <Checkbox
                checked={chosen.includes(item.indicator)}
                aria-label={`对${indicatorLabel(item.indicator)}提出异议`}
                label={indicatorLabel(item.indicator)}
                onChange={(on) =>
                  setChosen((c) =>
                    on
                      ? [...c.filter((x) => x !== item.indicator), item.indicator]
                      : c.filter((x) => x !== item.indicator),
                  )
                }
              />
              <StatusBadge status={item.status} />
            </View>
          </View>
        ))}
      </Section>
      <Section title="异议理由">
        <TextArea
          value={reason}
          onChange={setReason}
          maxLength={OBJECTION_TEXT_MAX}
          showCount
          placeholder="请说明异议的具体理由（至少2个字）"
          aria-label="异议理由"
        />
      </Section>
      <Section title="证明材料（选填）">
        <EvidencePicker
          label="异议证明材料"
          value={files}
          onChange={setFiles}
          onBehalfOf={props.onBehalfOf}
          max={EVIDENCE_FILES_MAX}
        />
      </Section>
      <ErrorNotice message={error} />
      <View className="flows-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={file} aria-label="提交异议">
          {sending ? '正在提交…' : '提交异议'}
        </Button>
      </View>
    </>
  );
}

export default function ObjectionPage() {
  const router = useRouter();
  const session = useSession();
  const now = useNow();
  const onBehalfOf = session.actingFor?.personId;
  const [data, setData] = useState<GetApplicationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [none, setNone] = useState(false);

  async function load() {
    const id = await resolveApplicationId(router.params.applicationId, onBehalfOf);
    if (!id.ok) return setError(id.error.message);
    if (id.data === null) return setNone(true);
    const res = await call('applications', 'get', { applicationId: id.data });
    if (!res.ok) setError(res.error.message);
    else setData(res.data);
  }

  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [router.params.applicationId, onBehalfOf]);

  return (
    <PageShell title="异议申请">
      {none ? <InfoNotice>暂无已提交的积分申请，无需提出异议。</InfoNotice> : null}
      {!data && !none && !error ? <Loading /> : null}
      <ErrorNotice message={error} />
      {data ? (
        <ObjectionView
          data={data}
          now={now}
          onBehalfOf={onBehalfOf}
          onFiled={(o) => setData({ ...data, objection: o })}
        />
      ) : null}
      {data ? (
        <View className="flows-actions">
          <Button
            block
            fill="outline"
            onClick={() => navigate('applyProgress', { applicationId: data.application.applicationId })}
          >
            返回积分查询
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
