// 积分查询/进度: per-indicator status (审核完成 / 审核中 / 退回 with reason), supplementing a returned item until the
// result date, the result date and the objection deadline as working-day countdowns, the score with its items.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { POINTS_THRESHOLD, RECORD_INDICATORS, type IndicatorCode } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { call } from '../common/api';
import { resolveApplicationId } from '../common/applications';
import { ClaimFields } from '../common/ClaimFields';
import { claimFormFromValue, indicatorLabel, toClaimValue, type ClaimForm } from '../common/claims';
import { EvidencePicker, type EvidenceFile } from '../common/EvidencePicker';
import { useNow } from '../common/now';
import type { Application, GetApplicationResult, Item } from '../common/types';
import { Deadline, ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge, StatusBadge } from '../common/ui';
import { formatChineseDate } from '../common/workdays';
import { ItemCard } from './ItemCard';

interface ScoreDetailItem {
  code: IndicatorCode;
  label?: string;
  points: number;
  explanation?: string;
}

const DECLARATIONS = new Set<string>(RECORD_INDICATORS);
/** Deduction and veto declarations (default "none", checked by public security) are shown compactly. */
const isDeclaration = (item: Item) => DECLARATIONS.has(item.indicator);

function detailItems(app: Application): ScoreDetailItem[] {
  const d = app.points?.detail as { items?: unknown } | undefined;
  return Array.isArray(d?.items) ? (d!.items as ScoreDetailItem[]) : [];
}

export default function ProgressPage() {
  const router = useRouter();
  const session = useSession();
  const now = useNow();
  const onBehalfOf = session.actingFor?.personId;
  const [data, setData] = useState<GetApplicationResult | null>(null);
  const [none, setNone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Item | null>(null);
  const [form, setForm] = useState<ClaimForm>({});
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const id = await resolveApplicationId(router.params.applicationId, onBehalfOf);
    if (!id.ok) {
      setError(id.error.message);
      return;
    }
    if (id.data === null) {
      setNone(true);
      return;
    }
    const applicationId = id.data;
    const res = await call('applications', 'get', { applicationId });
    if (!res.ok) setError(res.error.message);
    else setData(res.data);
  }, [router.params.applicationId, onBehalfOf]);

  useEffect(() => {
    load();
  }, [load]);

  function startSupplement(item: Item) {
    setNotice(null);
    setEditing(item);
    setForm(claimFormFromValue(item.indicator, item.claimed ?? {}));
    setFiles([]);
  }

  async function sendSupplement() {
    if (!editing || !data || sending) return;
    setError(null);
    const v = toClaimValue(editing.indicator, form);
    if (!v.ok) {
      setError(v.message);
      return;
    }
    if (files.length === 0) {
      setError('请上传补充的证明材料');
      return;
    }
    setSending(true);
    const res = await call('applications', 'supplement', {
      applicationId: data.application.applicationId,
      indicator: editing.indicator,
      value: v.value,
      evidence: [...(editing.evidence ?? []), ...files.map((f) => f.fileId)],
    });
    setSending(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setEditing(null);
    setNotice(`${indicatorLabel(editing.indicator)}已补充，重新进入审核`);
    load();
  }

  if (none) {
    return (
      <PageShell title="积分查询">
        <InfoNotice>暂无已提交的积分申请。</InfoNotice>
        <View className="flows-actions">
          <Button type="primary" block onClick={() => navigate('applyForm', {})}>
            去申请
          </Button>
        </View>
      </PageShell>
    );
  }
  if (!data) {
    return <PageShell title="积分查询">{error ? <ErrorNotice message={error} /> : <Loading />}</PageShell>;
  }

  const { application: app, items, objection } = data;
  // The server states its windows (applications.applicationView, at the time of the call).
  const { supplementOpen, objectionOpen } = app;
  const published = app.published && !!app.points;
  const scoreByCode = new Map(detailItems(app).map((d) => [d.code, d.points]));

  return (
    <PageShell title="积分查询">
      <Section
        title={`${app.year}年度积分申请`}
        extra={published ? <StateBadge tone="done" text="结果已公布" /> : <StateBadge tone="wait" text="审核中" />}
      >
        <Row label="受理日期">{formatChineseDate(app.acceptedOn)}</Row>
        <Row label="结果查询日">{formatChineseDate(app.resultOn ?? app.resultDate)}</Row>
        {!published ? <Deadline label="补充材料" lastDay={app.resultDate} now={now} /> : null}
        {published ? <Deadline label="异议期限" lastDay={app.objectionDeadline} now={now} /> : null}
      </Section>

      {published && app.points ? (
        <Section title="积分结果">
          <View aria-label={`总积分${app.points.total}分`}>
            <Text className="flows-score">{app.points.total}</Text>
            <Text> 分</Text>
          </View>
          {detailItems(app)
            .filter((d) => d.points !== 0)
            .map((d) => (
              <Row key={d.code} label={d.label ?? indicatorLabel(d.code)}>
                <Text>
                  {d.points}分{d.explanation ? `（${d.explanation}）` : ''}
                </Text>
              </Row>
            ))}
          {app.points.total !== null && app.points.total >= POINTS_THRESHOLD ? (
            <Text className="flows-muted">积分达到{POINTS_THRESHOLD}分，可在11月申请积分落户。</Text>
          ) : (
            <Text className="flows-muted">申请积分落户需达到{POINTS_THRESHOLD}分。</Text>
          )}
        </Section>
      ) : null}

      <Section title="审核进度">
        {items
          .filter((i) => !isDeclaration(i))
          .map((item) => (
            <ItemCard
              key={item.itemId}
              item={item}
              canSupplement={supplementOpen}
              onSupplement={startSupplement}
              points={published ? (scoreByCode.get(item.indicator) ?? null) : null}
            />
          ))}
      </Section>

      {items.some(isDeclaration) ? (
        <Section title="减分项与一票否决核查">
          <Text className="flows-muted">按个人承诺默认申报为“无”，由公安部门依据记录核查。</Text>
          <View className="flows-declarations">
            {items.filter(isDeclaration).map((item) => (
              <Row key={item.itemId} label={indicatorLabel(item.indicator)}>
                <StatusBadge status={item.status} />
                {item.status === 'returned' && item.returnReason ? <Text>退回原因：{item.returnReason}</Text> : null}
                {published && (scoreByCode.get(item.indicator) ?? 0) !== 0 ? (
                  <Text>{scoreByCode.get(item.indicator)}分</Text>
                ) : null}
              </Row>
            ))}
          </View>
        </Section>
      ) : null}

      {editing ? (
        <Section title={`补充材料：${indicatorLabel(editing.indicator)}`} id="supplement">
          <View className="flows-reason">
            <Text>退回原因：{editing.returnReason || '未说明'}</Text>
          </View>
          <ClaimFields code={editing.indicator} form={form} onChange={setForm} />
          <EvidencePicker label="补充材料" value={files} onChange={setFiles} onBehalfOf={onBehalfOf} />
          <View className="flows-actions">
            <Button type="primary" block loading={sending} disabled={sending} onClick={sendSupplement}>
              提交补充材料
            </Button>
            <Button block fill="outline" disabled={sending} onClick={() => setEditing(null)}>
              取消
            </Button>
          </View>
        </Section>
      ) : null}

      {objection ? (
        <Section title="异议">
          <Row label="状态">
            {objection.status === 'answered' ? (
              <StateBadge tone="done" text="已答复" />
            ) : (
              <StateBadge tone="wait" text="待答复" />
            )}
          </Row>
          {objection.status === 'answered' ? <Row label="答复">{objection.reply}</Row> : null}
        </Section>
      ) : null}

      <ErrorNotice message={error} />
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}

      <View className="flows-actions">
        {published ? (
          <Button
            block
            type={objectionOpen ? 'primary' : 'default'}
            onClick={() => navigate('objection', { applicationId: app.applicationId })}
          >
            {objection ? '查看异议' : '异议申请'}
          </Button>
        ) : null}
        {published ? (
          <Button block onClick={() => navigate('certificate', { applicationId: app.applicationId })}>
            凭证打印
          </Button>
        ) : null}
        <Button block fill="outline" onClick={() => navigate('pointsHistory', {})}>
          积分变化图
        </Button>
      </View>
    </PageShell>
  );
}
