// 节假日安排 (administrator): the years whose official holiday schedule the product knows, and registering a later
// year from the State Council's notice. Deadlines in an unknown year answer CALENDAR_UNKNOWN (API.md「calendar」),
// so the page says in words when next year is missing. A registered year can never be changed (stored deadlines
// were computed from it): the form checks with the shared schema first and asks for confirmation before sending.
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Warning } from '@nutui/icons-react-taro';
import { ListCalendarYearsInput, RegisterCalendarYearInput, beijingDate, parseZh } from '@hz-points/shared';
import { Input, TextArea } from '../../../components/Form';
import { PageShell } from '../../../components/PageShell';
import { hasRole, useSession } from '../../../services/session';
import { callChecked } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import { parseDateList, weekdayCount } from './dates';
import type { CalendarYearView } from '@hz-points/shared';
import type { z } from 'zod';

/** A year of calendar.list. */
type YearView = CalendarYearView;

/** What the form sends: the request of calendar.registerYear, as its shared schema declares it. */
type Registration = z.input<typeof RegisterCalendarYearInput>;

// The shared field labels do not (yet) name these fields; the form says which box is wrong in Chinese.
const FIELD_NAMES: Record<string, string> = {
  year: '年度',
  holidays: '放假日期',
  workdays: '调休上班日期',
  source: '通知来源',
};
const MAX_SHOWN_ISSUES = 3;

/** Checks the form with RegisterCalendarYearInput; an error is one Chinese message naming the box(es). */
export function checkRegistration(form: {
  year: string;
  holidays: string;
  workdays: string;
  source: string;
}): { ok: true; value: Registration } | { ok: false; message: string } {
  if (!/^\d{4}$/.test(form.year.trim())) return { ok: false, message: '年度：请输入四位数的年份，如 2027' };
  const year = Number(form.year.trim());
  const holidays = parseDateList(form.holidays, FIELD_NAMES.holidays!, year);
  if (!holidays.ok) return holidays;
  if (holidays.dates.length === 0) return { ok: false, message: '放假日期：请按通知填写全部放假日期' };
  const workdays = parseDateList(form.workdays, FIELD_NAMES.workdays!, year);
  if (!workdays.ok) return workdays;
  const value: Registration = {
    year,
    holidays: holidays.dates,
    workdays: workdays.dates,
    source: form.source.trim(),
  };
  const parsed = parseZh(RegisterCalendarYearInput, value);
  if (parsed.success) return { ok: true, value };
  const message = parsed.error.issues
    .slice(0, MAX_SHOWN_ISSUES)
    .map((issue) => {
      const key = issue.path.find((p): p is string => typeof p === 'string');
      const label = key ? FIELD_NAMES[key] : undefined;
      // The shared schema speaks of YYYY-MM-DD; an official is shown the forms this page accepts.
      const text = issue.message.replace(
        /格式应为 YYYY-MM-DD（[^）]*）/,
        '不是日期，请照通知写作“1月30日”，或写作“2027-01-30”',
      );
      return label ? `${label}：${text}` : text;
    })
    .join('；');
  const more = parsed.error.issues.length - MAX_SHOWN_ISSUES;
  return { ok: false, message: more > 0 ? `${message}；另有${more}处问题` : message };
}

/** The notice's name as an official knows it: how the built-in data was put into the product is not theirs to read. */
export function noticeName(source: string): string {
  return source.replace(/（经\s*[^）]*转录）$/, '');
}

function originText(y: YearView): string {
  if (y.origin === 'built-in') return '内置官方数据';
  const on = y.registeredAt ? formatChineseDate(beijingDate(new Date(y.registeredAt))) : '';
  return on ? `管理员登记（${on}）` : '管理员登记';
}

/** A warning stated in words with an icon, never by colour alone. */
function Warn(props: { children: React.ReactNode }) {
  return (
    <View className="flows-error" role="status" aria-live="polite">
      <Warning size={16} aria-hidden />
      <Text className="flows-error__text">{props.children}</Text>
    </View>
  );
}

export default function CalendarPage() {
  const now = useNow();
  const { me } = useSession();
  const isAdmin = hasRole(me, 'admin');
  const nextYear = Number(beijingDate(now).slice(0, 4)) + 1;

  const [years, setYears] = useState<YearView[] | undefined>(undefined);
  const [covered, setCovered] = useState<number[]>([]);
  const [yearText, setYearText] = useState('');
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [source, setSource] = useState('');
  const [pending, setPending] = useState<Registration | null>(null);
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setListError(null);
    const res = await callChecked(ListCalendarYearsInput, 'calendar', 'list', {});
    if (!res.ok) {
      setListError(res.error.message);
      setYears([]);
      return;
    }
    setYears(res.data.years);
    setCovered(res.data.covered);
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  // Propose next year once, while the administrator has typed nothing.
  useEffect(() => {
    if (years && !yearText && !covered.includes(nextYear)) setYearText(String(nextYear));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [years]);

  const nextYearMissing = years !== undefined && !listError && !covered.includes(nextYear);
  const preview = useMemo(() => {
    const year = /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : undefined;
    const h = parseDateList(holidays, FIELD_NAMES.holidays!, year);
    const w = parseDateList(workdays, FIELD_NAMES.workdays!, year);
    return h.ok && w.ok
      ? { holidays: h.dates.length, weekdays: weekdayCount(h.dates), workdays: w.dates.length }
      : null;
  }, [holidays, workdays, yearText]);

  function review() {
    setError(null);
    setNotice(null);
    const checked = checkRegistration({ year: yearText, holidays, workdays, source });
    if (!checked.ok) return setError(checked.message);
    setPending(checked.value);
  }

  async function register() {
    const value = pending;
    setPending(null);
    if (!value || busy) return;
    setBusy(true);
    const res = await callChecked(RegisterCalendarYearInput, 'calendar', 'registerYear', { ...value });
    setBusy(false);
    // The server's message as is (FORBIDDEN 无权进行此操作, CONFLICT already registered or built in, …).
    if (!res.ok) return setError(res.error.message);
    setNotice(`${value.year}年节假日安排已登记（放假${value.holidays.length}天，调休上班${value.workdays.length}天）`);
    setYearText('');
    setHolidays('');
    setWorkdays('');
    setSource('');
    load();
  }

  return (
    <PageShell title="节假日安排">
      <Section title="已录入的年度">
        <Text className="flows-muted">
          受理结果日、异议期限、凭证日期等按工作日计算，只使用国务院办公厅公布的节假日安排，不作推算。
        </Text>
        <ErrorNotice message={listError} />
        {years === undefined ? <Loading /> : null}
        {nextYearMissing ? (
          <Warn>
            {`注意：尚未录入${nextYear}年节假日安排。期限落在${nextYear}年的办理（如受理、结果公布、凭证出具）将暂停，提示“节假日安排尚未公布”；请在国务院办公厅通知发布后尽快登记。`}
          </Warn>
        ) : null}
        {(years ?? []).map((y) => (
          <Row key={y.year} label={`${y.year}年`}>
            <StateBadge tone="done" text={originText(y)} />
            <Text className="flows-muted">{noticeName(y.source)}</Text>
          </Row>
        ))}
      </Section>

      {notice ? <InfoNotice>{notice}</InfoNotice> : null}

      {isAdmin ? (
        <Section title="登记新年度">
          <Text className="flows-muted">
            按国务院办公厅关于当年部分节假日安排的通知逐项填写，日期可照通知原文写，如“2月6日至12日”（年份取上面的年度），每行一段或用逗号分隔。
          </Text>
          <Text className="flows-label">年度</Text>
          <Input
            className="flows-input"
            type="digit"
            value={yearText}
            onChange={setYearText}
            aria-label="年度"
            placeholder="如 2027"
          />
          <Text className="flows-label">放假日期（含调休放假的周末）</Text>
          <TextArea
            value={holidays}
            onChange={setHolidays}
            aria-label="放假日期"
            placeholder="每行一段，如 1月1日 或 2月6日至12日"
            maxLength={2000}
            rows={6}
            autoSize
          />
          <Text className="flows-label">调休上班日期（周末上班）</Text>
          <TextArea
            value={workdays}
            onChange={setWorkdays}
            aria-label="调休上班日期"
            placeholder="如 2月20日、4月25日；没有则留空"
            maxLength={600}
            rows={3}
          />
          <Text className="flows-label">通知来源（名称及文号）</Text>
          <TextArea
            value={source}
            onChange={setSource}
            aria-label="通知来源"
            placeholder="国务院办公厅关于20XX年部分节假日安排的通知（国办发明电〔20XX〕X号）"
            maxLength={300}
            rows={2}
          />
          {preview ? (
            <Text className="flows-muted" aria-live="polite">
              已识别放假{preview.holidays}天（其中周一至周五{preview.weekdays}天），调休上班{preview.workdays}天
            </Text>
          ) : null}
          <ErrorNotice message={error} />
          <View className="flows-actions">
            <Button type="primary" block disabled={busy} onClick={review} aria-label="核对并登记节假日安排">
              核对并登记
            </Button>
          </View>
        </Section>
      ) : (
        <Section title="登记新年度">
          <ErrorNotice message={error} />
          <Text className="flows-muted">无权进行此操作：节假日安排由管理员按国务院办公厅通知登记。</Text>
        </Section>
      )}

      <Dialog
        visible={pending !== null}
        title="登记前请确认"
        content={
          pending
            ? `${pending.year}年：放假${pending.holidays.length}天（周一至周五${weekdayCount(pending.holidays)}天），调休上班${pending.workdays.length}天；来源：${pending.source}。登记后不能修改或删除，之后计算的期限都以此为准，请与通知逐日核对。`
            : ''
        }
        confirmText="确认登记"
        cancelText="再核对一下"
        onConfirm={register}
        onCancel={() => setPending(null)}
        onClose={() => setPending(null)}
      />
    </PageShell>
  );
}
