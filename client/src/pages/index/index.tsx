// 首页, in the manner of 新杭州人家园: identity card, the 积分管理 grid, the current round, notices, 长辈版.
import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { YEARLY_TIMELINE } from '@hz-points/shared';
import { PageShell } from '../../components/PageShell';
import { ElderToggle } from '../../components/ElderToggle';
import { navigate, type RouteName } from '../../routes';
import { hasRole, useSession } from '../../services/session';
import { IdentityCard } from './components/IdentityCard';
import { HolidayScheduleNotice, useHolidayScheduleReminder } from './components/HolidayScheduleNotice';
import { useRound, type HomeRound } from './useRound';
import { useBeijingToday } from '../../lib/today';
import './index.scss';
import { RoundDateRows } from '../../components/RoundDateRows';

interface Entry {
  route: RouteName;
  label: string;
  glyph: string;
  hint: string;
}

export const HOME_ENTRIES: Entry[] = [
  { route: 'calculator', label: '积分测算', glyph: '算', hint: '自评积分与提分建议' },
  { route: 'applyForm', label: '积分申请', glyph: '申', hint: '填报指标、上传材料' },
  { route: 'applyProgress', label: '积分查询', glyph: '查', hint: '审核进度与分值' },
  { route: 'objection', label: '异议申请', glyph: '异', hint: '对分值提出异议' },
  { route: 'certificate', label: '凭证打印', glyph: '证', hint: '积分有效凭证' },
  { route: 'settle', label: '落户申请', glyph: '落', hint: '积分落户' },
  { route: 'guide', label: '办事指南', glyph: '南', hint: '材料、时间、问答' },
  { route: 'agent', label: '我的代办', glyph: '代', hint: '单位委托、监护代办' },
  { route: 'messages', label: '消息提醒', glyph: '信', hint: '订阅消息记录' },
];

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * One tile of an entry grid, a real button on both platforms. In H5 its name comes from its content (the label, then
 * the hint in text only a screen reader reads), so the spoken name starts with the visible words (axe
 * label-content-name-mismatch), and it takes the keyboard focus and Enter/Space; in the mini-program WeChat reads
 * `aria-label` (config/plugin-a11y.js).
 */
function EntryTile(props: { entry: Entry; staff?: boolean; onOpen: () => void }) {
  const { entry: e, onOpen } = props;
  const h5 = isH5
    ? {
        tabIndex: 0,
        onKeyDown: (ev: { key: string; preventDefault: () => void }) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            onOpen();
          }
        },
      }
    : { ariaLabel: `${e.label}：${e.hint}` };
  return (
    <View className="hz-grid__item" role="button" ariaRole="button" {...(h5 as object)} onClick={onOpen}>
      <View className={props.staff ? 'hz-grid__icon hz-grid__icon--staff' : 'hz-grid__icon'} aria-hidden>
        {e.glyph}
      </View>
      <Text className="hz-grid__label">{e.label}</Text>
      {isH5 && <Text className="hz-grid__hint">{`：${e.hint}`}</Text>}
    </View>
  );
}

function RoundCard({ round, today }: { round: HomeRound | null; today: string }) {
  if (!round) {
    return (
      <View className="hz-card">
        <Text className="hz-card__title">年度批次</Text>
        <Text className="hz-muted">本年度批次时间尚未公布。</Text>
      </View>
    );
  }
  const settlementOpen = today >= round.settlementOpens && today <= round.settlementCloses;
  return (
    <View className="hz-card hz-round" aria-label={`${round.year}年度积分批次`}>
      <View className="hz-round__head">
        <Text className="hz-card__title">{round.year}年度积分批次</Text>
        {settlementOpen && <Text className="hz-round__badge">● 落户申请受理中</Text>}
      </View>
      <View className="hz-round__rows">
        <RoundDateRows
          cutoffDate={round.cutoffDate}
          pointsApplicationCloses={round.pointsClose}
          yearRound={round.yearRound}
          settlementOpens={round.settlementOpens}
          settlementCloses={round.settlementCloses}
        />
        {typeof round.line === 'number' && (
          <View className="hz-round__row">
            <Text className="hz-round__k">落户分数线</Text>
            <Text className="hz-round__v">{round.line}分</Text>
          </View>
        )}
      </View>
      <Text className="hz-cite">
        {round.from === 'cloud' ? '以市积分办公布的批次为准。' : '按政策规则推算（FAQ2021 Q4–Q6），以官方公布为准。'}
        {round.yearRound ? '全年受理据公开信息（未核实）。' : ''}
      </Text>
    </View>
  );
}

export default function Home() {
  // The one clock read of this page: the device clock as a Beijing date.
  const today = useBeijingToday();
  const { me, status, error, actingFor, isStaff, refreshMe } = useSession();
  const round = useRound(today);
  const calendarReminder = useHolidayScheduleReminder(today, hasRole(me, 'admin'));

  const notices = useMemo(
    () => YEARLY_TIMELINE.filter((s) => ['apply-points', 'result', 'objection', 'apply-settlement'].includes(s.key)),
    [],
  );

  const staffEntries: Entry[] = [];
  // Only what the role can use: the queue answers reviewers only and objections are answered by the district office,
  // so an administrator without those roles sees neither (an entry that opens onto 「仅审核员可使用」 is a dead end).
  if (hasRole(me, 'reviewer'))
    staffEntries.push({ route: 'reviewQueue', label: '审核队列', glyph: '审', hint: '部门审核' });
  if (hasRole(me, 'district-office'))
    staffEntries.push({ route: 'reviewObjections', label: '异议答复', glyph: '复', hint: '区积分受理点' });
  if (hasRole(me, 'admin'))
    staffEntries.push({ route: 'reviewRounds', label: '年度批次', glyph: '批', hint: '开启、公布批次' });
  if (hasRole(me, 'admin'))
    staffEntries.push({ route: 'reviewCalendar', label: '节假日安排', glyph: '历', hint: '登记下一年度放假安排' });
  if (hasRole(me, 'district-office') || hasRole(me, 'admin'))
    staffEntries.push({ route: 'statsOverview', label: '积分统计', glyph: '统', hint: '年度图表' });
  if (hasRole(me, 'admin'))
    staffEntries.push({ route: 'statsLine', label: '分数线测算', glyph: '线', hint: '设定前看录取人数' });
  if (hasRole(me, 'admin'))
    staffEntries.push({ route: 'staffRoles', label: '工作人员角色', glyph: '员', hint: '授予、撤销审核员等角色' });

  const go = (route: RouteName) => {
    void navigate(route as 'agent').catch(() => Taro.showToast({ title: '页面打开失败，请重试', icon: 'none' }));
  };

  return (
    <PageShell title="新杭州人家园" hideTitle className="hz-home">
      <View className="hz-home__hero">
        <View className="hz-home__brand">
          <Text className="hz-home__title">新杭州人家园</Text>
          <Text className="hz-home__subtitle">杭州市居住证积分服务</Text>
        </View>
        <ElderToggle />
      </View>

      <View className="hz-home__identity">
        <IdentityCard
          me={me}
          status={status}
          error={error}
          actingFor={actingFor}
          onRegister={() => go('register')}
          onRetry={() => void refreshMe()}
        />
      </View>

      <View className="hz-card">
        <Text className="hz-card__title">积分管理</Text>
        {/* A group of buttons (a list may hold only list items: axe aria-required-children). Taro's H5 View writes
            `ariaRole` as the role, so both say group. */}
        <View className="hz-grid" role="group" ariaRole="group" aria-label="积分管理">
          {HOME_ENTRIES.map((e) => (
            <EntryTile key={e.route} entry={e} onOpen={() => go(e.route)} />
          ))}
        </View>
      </View>

      {calendarReminder && <HolidayScheduleNotice reminder={calendarReminder} onOpen={() => go('reviewCalendar')} />}

      {isStaff && staffEntries.length > 0 && (
        <View className="hz-card hz-staff" aria-label="审核端">
          <Text className="hz-card__title">审核端</Text>
          <View className="hz-grid" role="group" ariaRole="group" aria-label="审核端入口">
            {staffEntries.map((e) => (
              <EntryTile key={e.route} entry={e} staff onOpen={() => go(e.route)} />
            ))}
          </View>
        </View>
      )}

      <RoundCard round={round} today={today} />

      <View className="hz-card">
        <Text className="hz-card__title">通知公告</Text>
        {notices.map((n) => (
          <View key={n.key} className="hz-notice">
            <Text className="hz-notice__title">【{n.title}】</Text>
            <Text className="hz-notice__text">{n.text}</Text>
            <Text className="hz-cite">
              依据：
              {n.source.doc === 'FAQ2021'
                ? '积分管理办法修订问答（2021）'
                : n.source.doc === 'R2023'
                  ? '杭政办函〔2023〕33号'
                  : '公开信息'}
              {n.source.clause ? ` ${n.source.clause}` : ''}
            </Text>
          </View>
        ))}
        <View className="hz-link" role="link" ariaRole="link" onClick={() => go('guide')}>
          查看完整办事指南 ›
        </View>
      </View>

      <View className="hz-home__footer">
        <Text className="hz-muted">本程序为积分自助服务，最终分值以各部门审核结果为准。</Text>
      </View>
    </PageShell>
  );
}
