// H5 local mode only (inside the persona bar): the local cloud's clock, and 时间快进 to the next meaningful dates
// (the rounds' windows, the chosen person's result, objection and certificate days), so a newcomer can walk a whole
// year alone whatever today's date is. Moving the clock reloads the page: every date on it comes from the server.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChineseDateTime } from '@hz-points/shared';

export interface Milestone {
  at: string;
  date: string;
  label: string;
}

/** 2025年9月30日 09:00, Beijing time, whatever the browser's zone. */
export function beijingClockText(iso: string): string {
  return formatChineseDateTime(iso) || '—';
}

async function readJson<T>(url: string, init?: RequestInit): Promise<T | null> {
  try {
    const res = await fetch(url, init);
    const body = (await res.json()) as { ok?: boolean; data?: T };
    return res.ok && body.ok ? (body.data ?? null) : null;
  } catch {
    return null;
  }
}

/** H5 props that make a View keyboard-reachable (Taro's View type has no tabIndex / onKeyDown). The role is written
 * as a JSX prop at each use: Taro maps `ariaRole` to `role` only there (spread, it becomes an invalid aria-role). */
function pressable(onPress: () => void): Record<string, unknown> {
  return {
    tabIndex: 0,
    onClick: onPress,
    onKeyDown: (e: { key: string; preventDefault: () => void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onPress();
      }
    },
  };
}

export function DemoClock({
  openid,
  onMoved = () => window.location.reload(),
}: {
  openid: string | null;
  onMoved?: () => void;
}) {
  const [now, setNow] = useState<string | null>(null);
  const [milestones, setMilestones] = useState<Milestone[]>([]);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    const headers: Record<string, string> = openid ? { 'X-WX-OPENID': openid } : {};
    void readJson<{ now: string; milestones: Milestone[] }>('/api/dev/milestones', { headers }).then((data) => {
      if (!alive || !data) return;
      setNow(data.now);
      setMilestones(data.milestones);
    });
    return () => {
      alive = false;
    };
  }, [openid]);

  const move = async (instant: string | null) => {
    setFailed(false);
    const data = await readJson<{ now: string }>('/api/dev/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: instant }),
    });
    if (!data) {
      setFailed(true);
      return;
    }
    setOpen(false);
    onMoved();
  };

  if (!now) return null;
  return (
    <View className="hz-persona__clock" data-testid="demo-clock">
      <View className="hz-persona__bar">
        <Text>演示时钟：{beijingClockText(now)}</Text>
        <View
          className="hz-persona__switch"
          role="button"
          ariaRole="button"
          aria-expanded={open}
          {...pressable(() => setOpen(!open))}
        >
          <Text>{open ? '收起' : '时间快进'}</Text>
        </View>
      </View>
      {open && (
        <View className="hz-persona__list" aria-label="跳到下一个关键日期">
          {milestones.length === 0 && (
            <View className="hz-persona__item">
              <Text>当前身份近期没有关键日期</Text>
            </View>
          )}
          {milestones.map((m) => (
            <View
              key={m.at}
              className="hz-persona__item"
              role="button"
              ariaRole="button"
              {...pressable(() => void move(m.at))}
            >
              <Text>{m.label}</Text>
              <Text className="hz-persona__when">{beijingClockText(m.at)}</Text>
            </View>
          ))}
          <View className="hz-persona__item" role="button" ariaRole="button" {...pressable(() => void move(null))}>
            <Text>回到当前真实时间</Text>
          </View>
          {failed && (
            <View className="hz-persona__item" role="alert">
              <Text>演示时钟调整失败，请确认本地云仍在运行</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
