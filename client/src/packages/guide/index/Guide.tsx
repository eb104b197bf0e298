// 办事指南: materials per indicator, the yearly timeline with this round's dates, the FAQ — all from the rules
// package's data, each with its citation.
import { formatChineseDate } from '@hz-points/shared';
import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Collapse } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/collapse/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/collapseitem/style/css';
import { YEARLY_TIMELINE, roundDates, type IndicatorGroup, type RoundDates } from '@hz-points/shared';
import { DEPARTMENTS, GROUP_LABELS, GUIDE_FAQ, guideIndicators, type GuideIndicator } from '@hz-points/shared/guide';
import { Citation, UnverifiedMark, citationText } from '../../../components/Citation';
import { nextCutoff } from '../../../lib/rounds';
import { RoundDateRows } from '../../../components/RoundDateRows';

export type GuideSection = 'materials' | 'timeline' | 'faq';

const SECTIONS: { key: GuideSection; label: string }[] = [
  { key: 'materials', label: '申请材料' },
  { key: 'timeline', label: '办理时间' },
  { key: 'faq', label: '常见问题' },
];

const GROUP_ORDER: IndicatorGroup[] = ['basic', 'bonus', 'deduction', 'veto'];

function Materials({ rows }: { rows: GuideIndicator[] }) {
  return (
    <View>
      {GROUP_ORDER.map((g) => {
        const list = rows.filter((r) => r.group === g);
        if (!list.length) return null;
        return (
          <View key={g} className="hz-card">
            <Text className="hz-card__title">{GROUP_LABELS[g]}</Text>
            {list.map((r) => (
              <View key={r.code} className="hz-guide-ind" data-testid={`guide-${r.code}`}>
                <View className="hz-guide-ind__head">
                  <Text className="hz-guide-ind__label">{r.label}</Text>
                  {!r.verified && <UnverifiedMark />}
                </View>
                <Text className="hz-guide-ind__summary">{r.summary}</Text>
                <Text className="hz-guide-ind__dept">审核部门：{r.departmentName}</Text>
                {r.evidence.length > 0 && (
                  <View className="hz-guide-ind__evidence">
                    <Text className="hz-guide-ind__k">需提供：</Text>
                    {r.evidence.map((ev) => (
                      <Text key={ev} className="hz-guide-ind__ev">
                        · {ev}
                      </Text>
                    ))}
                  </View>
                )}
                {r.lookBack && <Text className="hz-guide-ind__lookback">⏱ {r.lookBack}</Text>}
              </View>
            ))}
          </View>
        );
      })}
      <View className="hz-card">
        <Text className="hz-card__title">审核部门</Text>
        {Object.entries(DEPARTMENTS).map(([code, d]) => (
          <View key={code} className="hz-guide-dept">
            <Text className="hz-guide-dept__name">{d.name}</Text>
            <Text className="hz-guide-dept__reviews">{d.reviews}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Timeline({ round }: { round: RoundDates | null }) {
  return (
    <View>
      {round && (
        <View className="hz-card" aria-label={`${round.year}年度时间安排`}>
          <Text className="hz-card__title">{round.year}年度时间安排</Text>
          <RoundDateRows
            cutoffDate={round.cutoffDate}
            pointsApplicationCloses={round.pointsApplication.closes}
            yearRound={round.pointsApplication.yearRound}
            settlementOpens={round.settlementOpens}
            settlementCloses={round.settlementCloses}
          />
          <View className="hz-round__row">
            <Text className="hz-round__k">5年计分期</Text>
            <Text className="hz-round__v">
              {formatChineseDate(round.lookbackFrom) || '—'}至{formatChineseDate(round.cutoffDate) || '—'}
            </Text>
          </View>
          {round.citations.map((c) => (
            <Citation key={`${c.doc}-${c.clause}`} source={c} verified={c.verified} />
          ))}
        </View>
      )}
      <View className="hz-card">
        <Text className="hz-card__title">每年办理流程</Text>
        {YEARLY_TIMELINE.map((s, i) => (
          <View key={s.key} className="hz-step" data-testid={`step-${s.key}`}>
            <View className="hz-step__no" aria-hidden>
              {i + 1}
            </View>
            <View className="hz-step__body">
              <Text className="hz-step__title">{s.title}</Text>
              <Text className="hz-step__text">{s.text}</Text>
              <Text className="hz-cite">依据：{citationText(s.source)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function Faq() {
  return (
    <View className="hz-card hz-faq">
      <Text className="hz-card__title">常见问题</Text>
      <Collapse defaultActiveName={['0']}>
        {GUIDE_FAQ.map((f, i) => (
          <Collapse.Item key={f.question} name={String(i)} title={f.question}>
            <Text className="hz-faq__answer">{f.answer}</Text>
            <Text className="hz-cite">依据：{f.sources.map((s) => citationText(s)).join('；')}</Text>
          </Collapse.Item>
        ))}
      </Collapse>
    </View>
  );
}

export function Guide({ today, initialSection = 'materials' }: { today: string; initialSection?: GuideSection }) {
  const [section, setSection] = useState<GuideSection>(initialSection);
  const cutoff = useMemo(() => nextCutoff(today), [today]);
  const rows = useMemo(() => guideIndicators(cutoff), [cutoff]);
  const round = useMemo(() => {
    try {
      return roundDates(Number(cutoff.slice(0, 4)));
    } catch {
      return null;
    }
  }, [cutoff]);
  return (
    <View className="hz-guide">
      <View className="hz-tabs" role="tablist" ariaRole="tablist">
        {SECTIONS.map((s) => (
          <View
            key={s.key}
            role="tab"
            ariaRole="tab"
            aria-selected={section === s.key}
            className={`hz-tabs__tab${section === s.key ? ' hz-tabs__tab--on' : ''}`}
            onClick={() => setSection(s.key)}
          >
            {s.label}
          </View>
        ))}
      </View>
      <View role="tabpanel" ariaRole="tabpanel">
        {section === 'materials' && <Materials rows={rows} />}
        {section === 'timeline' && <Timeline round={round} />}
        {section === 'faq' && <Faq />}
      </View>
      <Text className="hz-muted hz-guide__note">
        本指南依据杭政办函〔2023〕33号和《杭州市居住证积分管理办法》修订问答（2021）整理；标有“未核实”的内容来自公开转载，尚未与官方文件核对。
      </Text>
    </View>
  );
}
