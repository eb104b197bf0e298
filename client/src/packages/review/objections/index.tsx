// 异议答复 (district office): open objections with their answer deadline (15 working days, overdue flagged in
// words), the applicant's evidence, the objected items as reviewed, and the answer: a reply plus, per item, keep / change / not accepted.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { Radio, TextArea } from '../../../components/Form';
import { DEADLINE_PERIODS, OBJECTION_TEXT_MAX, type IndicatorCode } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { call } from '../../apply/common/api';
import { ClaimFields } from '../../apply/common/ClaimFields';
import { EvidenceFiles } from '../../apply/common/EvidenceFiles';
import {
  claimFormFromValue,
  describeValue,
  indicatorLabel,
  toClaimValue,
  type ClaimForm,
} from '../../apply/common/claims';
import { useNow } from '../../apply/common/now';
import type { GetApplicationResult, ListedObjectionView as Objection } from '@hz-points/shared';
import {
  Deadline,
  ErrorNotice,
  InfoNotice,
  Loading,
  Row,
  Section,
  StateBadge,
  StatusBadge,
} from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';

type Choice = 'keep' | 'change' | 'reject';

function AnswerForm(props: { objection: Objection; onDone: (msg: string) => void }) {
  const o = props.objection;
  const [app, setApp] = useState<GetApplicationResult | null>(null);
  const [reply, setReply] = useState('');
  const [choices, setChoices] = useState<Partial<Record<IndicatorCode, Choice>>>({});
  const [forms, setForms] = useState<Partial<Record<IndicatorCode, ClaimForm>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    call('applications', 'get', { applicationId: o.applicationId }).then((res) => {
      if (!res.ok) return setError(res.error.message);
      setApp(res.data);
      const f: Partial<Record<IndicatorCode, ClaimForm>> = {};
      for (const item of res.data.items)
        f[item.indicator] = claimFormFromValue(item.indicator, item.acceptedValue ?? item.claimed ?? {});
      setForms(f);
    });
  }, [o.applicationId]);

  async function send() {
    if (sending) return;
    setError(null);
    const changes: { indicator: IndicatorCode; acceptedValue: Record<string, unknown> | null }[] = [];
    for (const code of o.indicators) {
      const c = choices[code] ?? 'keep';
      if (c === 'reject') changes.push({ indicator: code, acceptedValue: null });
      if (c === 'change') {
        const v = toClaimValue(code, forms[code] ?? {});
        if (!v.ok) return setError(`${indicatorLabel(code)}：${v.message}`);
        changes.push({ indicator: code, acceptedValue: v.value });
      }
    }
    setSending(true);
    const res = await call('objections', 'answer', {
      objectionId: o.objectionId,
      reply: reply.trim(),
      changes,
    });
    setSending(false);
    if (!res.ok) return setError(res.error.message);
    const after = res.data.objection;
    props.onDone(
      `已答复${o.applicant?.name ?? ''}的异议${typeof after.pointsAfter === 'number' ? `，积分为${after.pointsAfter}分` : ''}`,
    );
  }

  if (!app) return error ? <ErrorNotice message={error} /> : <Loading />;
  return (
    <View className="flows-answer">
      <Row label="当前积分">{app.application.points?.total ?? '—'}分</Row>
      {o.indicators.map((code) => {
        const item = app.items.find((i) => i.indicator === code);
        const choice = choices[code] ?? 'keep';
        return (
          <View key={code} className="flows-item">
            <View className="flows-item__head">
              <Text className="flows-item__title">{indicatorLabel(code)}</Text>
              {item ? <StatusBadge status={item.status} /> : null}
            </View>
            <View className="flows-item__meta">
              <Text>申报：{describeValue(code, item?.claimed ?? null)}</Text>
            </View>
            <View className="flows-item__meta">
              <Text>认定：{describeValue(code, item?.acceptedValue ?? null)}</Text>
            </View>
            <Radio.Group
              value={choice}
              direction="vertical"
              aria-label={`${indicatorLabel(code)}的答复结论`}
              onChange={(v) => setChoices((c) => ({ ...c, [code]: v as Choice }))}
            >
              <Radio value="keep">维持原认定</Radio>
              <Radio value="change">调整认定内容</Radio>
              <Radio value="reject">不予认定（该项0分）</Radio>
            </Radio.Group>
            {choice === 'change' ? (
              <ClaimFields
                code={code}
                form={forms[code] ?? {}}
                onChange={(f) => setForms((all) => ({ ...all, [code]: f }))}
              />
            ) : null}
          </View>
        );
      })}
      <Text className="flows-label">答复意见</Text>
      <TextArea
        value={reply}
        onChange={setReply}
        maxLength={OBJECTION_TEXT_MAX}
        showCount
        placeholder="请填写答复意见（申请人可见）"
        aria-label="答复意见"
      />
      <ErrorNotice message={error} />
      <View className="flows-actions">
        <Button
          type="primary"
          block
          loading={sending}
          disabled={sending || reply.trim().length < 2}
          onClick={send}
          aria-label="提交答复"
        >
          提交答复
        </Button>
      </View>
    </View>
  );
}

export default function ReviewObjectionsPage() {
  const now = useNow();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const [rows, setRows] = useState<Objection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const res = await call('objections', 'list', { status, limit: 50 });
    if (!res.ok) {
      setError(res.error.message);
      setRows([]);
    } else setRows(res.data.objections);
  }, [status]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <PageShell title="异议答复">
      <InfoNotice>区积分受理点：异议应在提出后{DEADLINE_PERIODS.objectionAnswer.workdays}个工作日内答复。</InfoNotice>
      <Tabs value={status} onChange={(v) => setStatus(v as 'open' | 'answered')}>
        <Tabs.TabPane value="open" title="待答复" />
        <Tabs.TabPane value="answered" title="已答复" />
      </Tabs>
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <ErrorNotice message={error} />
      {rows === null ? <Loading /> : null}
      {rows && rows.length === 0 && !error ? (
        <InfoNotice>没有{status === 'open' ? '待答复' : '已答复'}的异议。</InfoNotice>
      ) : null}
      {rows?.map((o) => (
        <Section
          key={o.objectionId}
          title={`${o.applicant?.name ?? '申请人'}的异议`}
          extra={
            o.status === 'answered' ? (
              <StateBadge tone="done" text="已答复" />
            ) : o.overdue ? (
              <StateBadge tone="back" text="已超期" />
            ) : (
              <StateBadge tone="wait" text="待答复" />
            )
          }
        >
          <Row label="申请人">
            {o.applicant?.name ?? '—'}（{o.applicant?.idNumber ?? '—'}）
          </Row>
          <Row label="异议指标">{o.indicators.map(indicatorLabel).join('、')}</Row>
          <Row label="异议理由">{o.reason}</Row>
          <Row label="证明材料">
            <EvidenceFiles fileIds={o.evidence} label="异议材料" />
          </Row>
          <Row label="提出日期">{formatChineseDate(o.filedOn)}</Row>
          {o.status === 'open' ? <Deadline label="答复期限" lastDay={o.answerDeadline} now={now} /> : null}
          {o.status === 'answered' ? <Row label="答复意见">{o.reply}</Row> : null}
          {o.status === 'open' ? (
            openId === o.objectionId ? (
              <AnswerForm
                objection={o}
                onDone={(msg) => {
                  setNotice(msg);
                  setOpenId(null);
                  load();
                }}
              />
            ) : (
              <View className="flows-actions">
                <Button
                  type="primary"
                  block
                  onClick={() => setOpenId(o.objectionId)}
                  aria-label={`答复${o.applicant?.name ?? ''}的异议`}
                >
                  答复
                </Button>
              </View>
            )
          ) : null}
        </Section>
      ))}
    </PageShell>
  );
}
