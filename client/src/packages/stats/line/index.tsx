// 分数线测算 (administrator): move the line and see, before setting it, how many applicants it would admit and how
// the scores fall around it. The count comes from stats.linePreview, which ranks exactly what publication ranks
// (same keys, same standing, same rankApplications). Setting the line is the same rounds.setLine as on 年度批次.
import React, { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { LinePreviewInput, SetLineInput, beijingDate } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { Input, Radio } from '../../../components/Form';
import { navigate } from '../../../routes';
import { callChecked } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, InfoNotice, Loading, Row, Section } from '../../apply/common/ui';
import type { LinePreview as Preview, RoundLine as Line } from '@hz-points/shared';
import { ChartFigure } from '../common/ChartFigure';
import { YearBar, initialYear } from '../common/YearBar';
import '../common/stats.scss';
import { LINE_RULES, POINTS_THRESHOLD } from '@hz-points/shared';

/** Wait after the last change before asking (typing 125 asks once, not for 1, 12 and 125). */
const PREVIEW_DELAY_MS = 300;

const lineText = (l: Line | null) =>
  !l ? '未设定' : l.mode === 'threshold' ? `分数线${l.threshold}分` : `名额${l.quota}人`;

export default function LinePage() {
  const router = useRouter();
  const now = useNow();
  const [year, setYear] = useState(() => initialYear(router.params.year, beijingDate(now)));
  const [mode, setMode] = useState<Line['mode']>('threshold');
  const [value, setValue] = useState(String(POINTS_THRESHOLD));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, setPending] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  const payload =
    mode === 'threshold' ? { year, mode, threshold: Number(value) } : { year, mode, quota: Number(value) };

  useEffect(() => {
    let live = true;
    setPending(true);
    const timer = setTimeout(() => {
      callChecked(LinePreviewInput, 'stats', 'linePreview', payload).then((res) => {
        if (!live) return;
        setPending(false);
        if (res.ok) {
          setPreview(res.data);
          setError(null);
        } else setError(res.error.message);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year, mode, value, version]);

  const step = (delta: number) => {
    const n = Number(value);
    const base = Number.isFinite(n) ? n : mode === 'threshold' ? POINTS_THRESHOLD : 1;
    const next =
      mode === 'threshold' ? Math.max(POINTS_THRESHOLD, base + delta) : Math.max(1, Math.round(base + delta));
    setValue(String(next));
  };
  const steps = mode === 'threshold' ? [-5, -0.5, 0.5, 5] : [-10, -1, 1, 10];

  async function commit() {
    setConfirming(false);
    setBusy(true);
    setNotice(null);
    const res = await callChecked(SetLineInput, 'rounds', 'setLine', payload);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setNotice(`已设定${year}年度${lineText(payload as Line)}。公布名单请到“年度批次”。`);
    setVersion(version + 1);
  }

  const shown = preview && preview.year === year ? preview : null;
  return (
    <PageShell title="分数线测算">
      <YearBar year={year} onChange={setYear} />
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <Section title="调整分数线">
        <Radio.Group
          value={mode}
          onChange={(v) => {
            setMode(v as Line['mode']);
            setValue(v === 'threshold' ? String(POINTS_THRESHOLD) : String(LINE_RULES.quotaSuggestion.places));
          }}
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
          placeholder={
            mode === 'threshold' ? `不低于${POINTS_THRESHOLD}分，${LINE_RULES.thresholdStep.points}分为单位` : '人数'
          }
        />
        <View className="stats-steps">
          {steps.map((d) => (
            <Button
              key={d}
              size="small"
              onClick={() => step(d)}
              aria-label={`${mode === 'threshold' ? '分数线' : '名额'}${d > 0 ? '增加' : '减少'}${Math.abs(d)}${mode === 'threshold' ? '分' : '人'}`}
            >
              {d > 0 ? `+${d}` : String(d)}
            </Button>
          ))}
        </View>
      </Section>
      <ErrorNotice message={error} />
      <Section title="按此分数线">
        {!shown && pending ? <Loading text="正在测算" /> : null}
        {shown ? (
          <View aria-live="polite">
            <Text className="flows-muted">将录取</Text>
            <Text
              className="stats-line__count"
              aria-label={`将录取${shown.admittedCount}人`}
            >{`${shown.admittedCount}人`}</Text>
            <Row label="参与排序">{`${shown.rankedCount}人`}</Row>
            <Row label="未达条件">{`${shown.ineligibleCount}人`}</Row>
            {shown.mode === 'quota' ? (
              <Row label="末位录取分">{shown.line === null ? '—' : `${shown.line}分`}</Row>
            ) : null}
            <Row label="当前设定">{lineText(shown.currentLine)}</Row>
            {pending ? <Text className="flows-muted">正在按新分数线测算…</Text> : null}
          </View>
        ) : null}
        {shown && shown.pendingObjections > 0 ? (
          <InfoNotice>{`尚有${shown.pendingObjections}人的积分异议未答复，其积分可能变化；答复后方可公布名单。`}</InfoNotice>
        ) : null}
      </Section>
      {shown ? <ChartFigure chart={shown.chart} id="stats-line-chart" /> : null}
      {shown && !shown.published ? (
        <View className="flows-actions">
          <Button type="primary" block disabled={busy || pending || !!error} onClick={() => setConfirming(true)}>
            设定为{year}年度{lineText(payload as Line)}
          </Button>
          <Button block fill="outline" onClick={() => navigate('reviewRounds', {})}>
            前往“年度批次”公布名单
          </Button>
        </View>
      ) : null}
      {shown?.published ? <InfoNotice>该年度名单已公布，分数线不能再调整；以上为按此分数线的测算。</InfoNotice> : null}
      <Dialog
        visible={confirming}
        title="确认设定分数线"
        content={`按${lineText(payload as Line)}，将录取${shown?.admittedCount ?? 0}人。设定后可在公布名单前再调整。`}
        confirmText="确认设定"
        cancelText="取消"
        onConfirm={commit}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      />
    </PageShell>
  );
}
