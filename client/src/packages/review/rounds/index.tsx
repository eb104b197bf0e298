// 年度批次 (administrator): open a year's round (dates from the rules package), set the line (分数线, or a quota
// for rounds under the pre-2023 rules), publish the settlement list; then the admitted list, masked.
// Publishing is a resumable job on the server (rounds.publish writes a part of the list per call): the page calls
// again until it is done, showing a progress bar with the count written and the time remaining; a job left running
// (page closed, network lost) is shown on the next visit and can be continued (the server's timer continues it too).
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Input, Radio } from '../../../components/Form';
import {
  GetRoundInput,
  ListRoundResultsInput,
  OpenRoundInput,
  PublicationStatusInput,
  PublishRoundInput,
  SetLineInput,
  beijingDate,
  type PublicationProgress,
  type ResultActionName,
  type RoundResultRow,
  type RoundView,
} from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { callChecked } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import { ActionButton } from '../common/ActionButton';
import { PublicationProgressBar } from './PublicationProgressBar';
import { DEADLINE_PERIODS, POINTS_THRESHOLD } from '@hz-points/shared';

/** Calls of rounds.publish one click may make before giving up (each writes at least one part of the list). */
const MAX_PUBLISH_CALLS = 500;

export default function RoundsPage() {
  const now = useNow();
  const [year, setYear] = useState(() => Number(beijingDate(now).slice(0, 4)));
  const [round, setRound] = useState<RoundView | null | undefined>(undefined);
  const [rows, setRows] = useState<RoundResultRow[]>([]);
  const [mode, setMode] = useState<'threshold' | 'quota'>('threshold');
  const [value, setValue] = useState(String(POINTS_THRESHOLD));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<PublicationProgress | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setRound(undefined);
    const res = await callChecked(GetRoundInput, 'rounds', 'get', { year });
    if (!res.ok) {
      if (res.error.code === 'ROUND_NOT_FOUND') setRound(null);
      else {
        setError(res.error.message);
        setRound(null);
      }
      return;
    }
    setRound(res.data.round);
    if (res.data.round.published) {
      const r = await callChecked(ListRoundResultsInput, 'rounds', 'results', { year, limit: 50 });
      setRows(r.ok ? r.data.rows : []);
    } else {
      setRows([]);
      // A publication left running (page closed mid-way): show where it stands, so it can be continued.
      const s = await callChecked(PublicationStatusInput, 'rounds', 'publicationStatus', { year });
      setProgress(s.ok && s.data.progress.state === 'running' ? s.data.progress : null);
    }
  }, [year]);

  useEffect(() => {
    load();
  }, [load]);

  async function act(
    action: ResultActionName<'rounds'>,
    schema: Parameters<typeof callChecked>[0],
    payload: Record<string, unknown>,
    done: string,
  ) {
    if (busy) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    const res = await callChecked(schema, 'rounds', action, payload);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setNotice(done);
    load();
  }

  /** Calls rounds.publish until the job is done (each call writes a part of the list), showing the progress. */
  async function publishAll() {
    if (busy) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      for (let call = 0; call < MAX_PUBLISH_CALLS; call++) {
        const res = await callChecked(PublishRoundInput, 'rounds', 'publish', { year });
        if (!res.ok) {
          setError(res.error.message);
          return;
        }
        setProgress(res.data.progress);
        if (res.data.done) {
          setNotice(`${year}年度名单已公布`);
          return;
        }
      }
      setError('名单尚未发布完成，请稍后点击“继续发布”');
    } finally {
      setBusy(false);
      load();
    }
  }

  const lineText = (l: RoundView['line']) =>
    !l ? '未设定' : l.mode === 'threshold' ? `分数线${l.threshold}分（达到即准入）` : `名额${l.quota}人（按排序录取）`;

  return (
    <PageShell title="年度批次">
      <View
        className="flows-section"
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
      >
        {/* Real buttons in H5 (focusable: the page's scroll region then holds a tab stop), named by their text. */}
        <ActionButton size="small" onPress={() => setYear(year - 1)} aria-label="上一年度">
          上一年度
        </ActionButton>
        <Text className="flows-item__title" aria-live="polite">
          {year}年度
        </Text>
        <ActionButton size="small" onPress={() => setYear(year + 1)} aria-label="下一年度">
          下一年度
        </ActionButton>
      </View>
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <ErrorNotice message={error} />
      {round === undefined ? <Loading /> : null}
      {round === null ? (
        <Section title="该年度批次尚未开放" extra={<StateBadge tone="off" text="未开放" />}>
          <Text className="flows-muted">开放后，申请人可提交该年度积分申请；日期按政策默认规则生成，可再调整。</Text>
          <View className="flows-actions">
            <Button
              type="primary"
              block
              disabled={busy}
              onClick={() => act('open', OpenRoundInput, { year }, `${year}年度批次已开放`)}
            >
              开放{year}年度批次
            </Button>
          </View>
        </Section>
      ) : null}
      {round ? (
        <>
          <Section
            title="批次信息"
            extra={
              round.published ? (
                <StateBadge tone="done" text="名单已公布" />
              ) : round.status === 'open' ? (
                <StateBadge tone="wait" text="进行中" />
              ) : (
                <StateBadge tone="off" text="已关闭" />
              )
            }
          >
            <Row label="指标截止日">{formatChineseDate(round.cutoffDate)}</Row>
            <Row label="积分申请">
              {round.pointsApplication.yearRound
                ? '全年受理'
                : `截至${formatChineseDate(round.pointsApplication.closes)}`}
            </Row>
            <Row label="落户受理">
              {formatChineseDate(round.settlementOpens)}至{formatChineseDate(round.settlementCloses)}
            </Row>
            <Row label="录取方式">{lineText(round.line)}</Row>
            <Row label="同分排序">
              {round.tieBreak.join(' → ')}
              {round.tieBreakVerified ? '' : '（公开资料，待核实）'}
            </Row>
          </Section>
          {!round.published ? (
            <Section title="设定分数线">
              <Radio.Group
                value={mode}
                onChange={(v) => setMode(v as 'threshold' | 'quota')}
                direction="horizontal"
                aria-label="录取方式"
              >
                <Radio value="threshold">分数线</Radio>
                <Radio value="quota">名额</Radio>
              </Radio.Group>
              <Input
                className="flows-input"
                type="digit"
                value={value}
                onChange={setValue}
                aria-label={mode === 'threshold' ? '分数线（分）' : '名额（人）'}
                placeholder={mode === 'threshold' ? `不低于${POINTS_THRESHOLD}分` : '人数'}
              />
              <View className="flows-actions">
                <Button
                  block
                  disabled={busy}
                  onClick={() =>
                    act(
                      'setLine',
                      SetLineInput,
                      mode === 'threshold'
                        ? { year, mode, threshold: Number(value) }
                        : { year, mode, quota: Number(value) },
                      '分数线已设定',
                    )
                  }
                >
                  保存
                </Button>
                <Button block fill="outline" onClick={() => navigate('statsLine', { year })}>
                  分数线测算（看录取人数）
                </Button>
                {/* A real button in H5 (role, focus, aria-disabled): while disabled it is announced as such and no
                    longer read as low-contrast text (axe color-contrast); its name is its visible text. */}
                <ActionButton
                  type="primary"
                  block
                  disabled={busy || !round.line}
                  onPress={() => setConfirming(true)}
                  aria-label="公布落户名单"
                >
                  公布落户名单
                </ActionButton>
              </View>
              {progress ? <PublicationProgressBar progress={progress} /> : null}
              {progress && progress.state === 'running' && !busy ? (
                <View className="flows-actions">
                  <Button block onClick={publishAll} aria-label="继续发布名单">
                    继续发布
                  </Button>
                </View>
              ) : null}
            </Section>
          ) : (
            <Section title={`准入名单（${round.published.admittedCount}人）`}>
              <Row label="发布状态">已发布</Row>
              <Row label="公布日期">{formatChineseDate(round.published.on)}</Row>
              {rows.map((r) => (
                <Row key={`${r.rank}-${r.idNumber}`} label={r.rank ? `第${r.rank}名` : '—'}>
                  <Text>
                    {r.name} {r.idNumber} · {r.total === null ? '不计分' : `${r.total}分`} · {r.district}
                  </Text>
                </Row>
              ))}
            </Section>
          )}
        </>
      ) : null}
      <Dialog
        visible={confirming}
        title="确认公布"
        content={`公布后${year}年度名单不能再调整，准入者将获得准入通知书（有效期${DEADLINE_PERIODS.admissionNotice.calendarDays}天）。`}
        confirmText="确认公布"
        cancelText="取消"
        onConfirm={() => {
          setConfirming(false);
          publishAll();
        }}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      />
    </PageShell>
  );
}
