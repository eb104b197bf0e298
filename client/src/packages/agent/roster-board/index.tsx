// 代办看板: every employee the agent looks after, at the stage their application has reached, filtered by whose act
// the next step needs and sorted; 导出表格 stores the board as a spreadsheet and opens it through a short-lived link.
// Submitting, objecting and settlement stay per person: 为其办理 opens that employee's own pages under the
// entrustment (the banner shows for whom), where the agent makes each commitment separately.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOARD_ACTOR_LABELS, type BoardStage } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { ErrorNotice, InfoNotice, Loading, Section, StateBadge } from '../../apply/common/ui';
import {
  exportBoard,
  loadBoard,
  openSpreadsheet,
  zhDate,
  type BoardFilter,
  type BoardResult,
  type BoardRow,
  type BoardSort,
} from '../roster/api';

const FILTERS: { key: BoardFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'agent', label: BOARD_ACTOR_LABELS.agent },
  { key: 'employee', label: BOARD_ACTOR_LABELS.employee },
  { key: 'waiting', label: BOARD_ACTOR_LABELS.waiting },
  { key: 'done', label: BOARD_ACTOR_LABELS.done },
];
const SORTS: { key: BoardSort; label: string }[] = [
  { key: 'next', label: '按待办' },
  { key: 'stage', label: '按进度' },
  { key: 'name', label: '按姓名' },
  { key: 'points', label: '按积分' },
];
const PAGE = 100;

const TONE: Record<BoardStage, 'done' | 'wait' | 'back' | 'off'> = {
  'needs-entrustment': 'off',
  'entrustment-pending': 'wait',
  'no-application': 'off',
  draft: 'wait',
  returned: 'back',
  submitted: 'wait',
  scored: 'done',
  'objection-window': 'wait',
  'objection-open': 'wait',
  certificate: 'done',
  settlement: 'done',
};

export default function RosterBoardPage() {
  const session = useSession();
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [sort, setSort] = useState<BoardSort>('next');
  const [data, setData] = useState<BoardResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(PAGE);

  const load = useCallback(async (f: BoardFilter, s: BoardSort) => {
    setError(null);
    const r = await loadBoard(f, s);
    if (r.ok) setData(r.data);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    load(filter, sort);
  }, [load, filter, sort]);

  async function doExport() {
    setBusy(true);
    setError(null);
    const r = await exportBoard(filter, sort);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    try {
      await openSpreadsheet(r.data.url);
    } catch {
      setError('表格已生成，但未能打开，请稍后重试');
    }
  }

  function actFor(r: BoardRow) {
    if (!r.personId) return;
    session.setActingFor({ personId: r.personId, name: r.name, relationLabel: '单位委托代办' });
    navigate(
      r.stage === 'certificate'
        ? 'settle'
        : r.stage === 'scored'
          ? 'certificate'
          : r.stage === 'no-application' || r.stage === 'draft'
            ? 'applyForm'
            : 'applyProgress',
      {},
    );
  }

  if (!data) return <PageShell title="代办看板">{error ? <ErrorNotice message={error} /> : <Loading />}</PageShell>;
  return (
    <PageShell title="代办看板">
      <InfoNotice>
        {data.year}年度积分申请。提交申请、提出异议、申请落户须逐人办理，每份申请由经办人依委托单独作出承诺。
      </InfoNotice>
      <ErrorNotice message={error} />
      <View
        className="flows-actions"
        role="group"
        aria-label="按待办方筛选"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}
      >
        {FILTERS.map((f) => (
          <Button
            key={f.key}
            size="small"
            type={filter === f.key ? 'primary' : 'default'}
            aria-pressed={filter === f.key}
            onClick={() => {
              setShown(PAGE);
              setFilter(f.key);
            }}
          >
            {`${f.label}（${data.counts[f.key]}）`}
          </Button>
        ))}
      </View>
      <View
        className="flows-actions"
        role="group"
        aria-label="排序"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}
      >
        {SORTS.map((s) => (
          <Button
            key={s.key}
            size="small"
            fill={sort === s.key ? 'solid' : 'outline'}
            aria-pressed={sort === s.key}
            onClick={() => setSort(s.key)}
          >
            {s.label}
          </Button>
        ))}
        <Button size="small" disabled={busy || data.rows.length === 0} onClick={doExport} aria-label="导出表格">
          {busy ? '正在导出…' : '导出表格'}
        </Button>
      </View>
      <Section title={`共${data.rows.length}人`}>
        {data.rows.length === 0 ? <Text className="flows-muted">没有符合条件的员工。</Text> : null}
        {data.rows.slice(0, shown).map((r, i) => (
          <View
            key={`${r.personId ?? r.idNumber}-${i}`}
            className="flows-item"
            aria-label={`${r.name}，${r.stageLabel}，${r.actorLabel}`}
          >
            <View className="flows-item__head">
              <Text className="flows-item__title">{r.name}</Text>
              <StateBadge tone={TONE[r.stage]} text={r.stageLabel} />
            </View>
            <View className="flows-item__meta">
              <Text>
                身份证：{r.idNumber}
                {r.phone ? ` · 手机：${r.phone}` : ''}
              </Text>
            </View>
            <View className="flows-item__meta">
              <Text>
                {r.actorLabel}：{r.next}
              </Text>
            </View>
            {r.returned.map((x) => (
              <View key={x.indicator} className="flows-reason">
                <Text>
                  退回（{x.label}）：{x.reason}
                </Text>
              </View>
            ))}
            {r.points !== null ? (
              <View className="flows-item__meta">
                <Text>
                  积分：{r.points}分{r.objectionDeadline ? ` · 异议截止：${zhDate(r.objectionDeadline)}` : ''}
                  {r.certificateSerial ? ` · 凭证：${r.certificateSerial}` : ''}
                </Text>
              </View>
            ) : null}
            {r.personId && r.entrustment === 'active' ? (
              <Button size="small" type="primary" onClick={() => actFor(r)} aria-label={`为${r.name}办理`}>
                为其办理
              </Button>
            ) : null}
          </View>
        ))}
        {data.rows.length > shown ? (
          <Button block fill="outline" onClick={() => setShown(shown + PAGE)}>
            再显示{Math.min(PAGE, data.rows.length - shown)}人
          </Button>
        ) : null}
      </Section>
      <View className="flows-actions">
        <Button block fill="outline" onClick={() => navigate('rosterImport', {})}>
          导入员工名单
        </Button>
      </View>
    </PageShell>
  );
}
