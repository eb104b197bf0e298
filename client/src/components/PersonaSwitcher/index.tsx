// H5 local mode only (never bundled into the weapp: see ../devtools.ts). Lets a tester become any demo persona;
// the local cloud reads the openid from the X-WX-OPENID header.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useSession } from '../../services/session';
import { DemoClock } from './DemoClock';
import './index.scss';

export interface PersonaOption {
  openid: string;
  label: string;
}

/** Used when the local cloud does not (yet) answer GET /api/dev/personas. Same openids as docs/CONTRACTS.md. */
const FALLBACK_PERSONAS: PersonaOption[] = [
  { openid: 'demo-applicant', label: '申请人' },
  { openid: 'demo-agent', label: '单位经办人（代办）' },
  { openid: 'demo-employee', label: '委托代办的职工' },
  { openid: 'demo-guardian', label: '监护人 / 子女' },
  { openid: 'demo-reviewer-public-security', label: '审核员·公安' },
  { openid: 'demo-reviewer-hrss', label: '审核员·人力社保' },
  { openid: 'demo-reviewer-housing', label: '审核员·住保房管' },
  { openid: 'demo-reviewer-education', label: '审核员·教育' },
  { openid: 'demo-reviewer-tax', label: '审核员·税务' },
  { openid: 'demo-reviewer-honours', label: '审核员·荣誉颁发部门' },
  { openid: 'demo-reviewer-health', label: '审核员·卫生健康' },
  { openid: 'demo-reviewer-civilization', label: '审核员·文明办' },
  { openid: 'demo-reviewer-civil-affairs', label: '审核员·民政' },
  { openid: 'demo-reviewer-market-regulation', label: '审核员·市场监管' },
  { openid: 'demo-district-office', label: '区积分受理点' },
  { openid: 'demo-admin', label: '管理员' },
];

/** Accepts `[{ openid, label|name|description }]` or `{ personas: [...] }`. */
function parsePersonas(body: unknown): PersonaOption[] | null {
  const list = Array.isArray(body)
    ? body
    : ((body as { personas?: unknown; data?: unknown })?.personas ?? (body as { data?: unknown })?.data);
  if (!Array.isArray(list)) return null;
  const out: PersonaOption[] = [];
  for (const p of list) {
    if (!p || typeof p !== 'object') continue;
    const r = p as Record<string, unknown>;
    const openid = typeof r.openid === 'string' ? r.openid : undefined;
    const label = [r.displayName, r.label, r.name, r.description, r.title].find(
      (x): x is string => typeof x === 'string',
    );
    if (openid) out.push({ openid, label: label ?? openid });
  }
  return out.length ? out : null;
}

export function PersonaSwitcher() {
  const { openid, me, switchPersona } = useSession();
  const [open, setOpen] = useState(false);
  const [personas, setPersonas] = useState<PersonaOption[]>(FALLBACK_PERSONAS);

  useEffect(() => {
    let alive = true;
    fetch('/api/dev/personas')
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => {
        const parsed = parsePersonas(body);
        if (alive && parsed) setPersonas(parsed);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  const current = personas.find((p) => p.openid === openid);
  return (
    <View className="hz-persona" data-testid="persona-switcher">
      <View
        className="hz-persona__bar"
        role="button"
        ariaRole="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Text className="hz-persona__tag">本地演示</Text>
        <Text>
          当前身份：{current?.label ?? openid ?? '未登录'}
          {me?.name && me.name !== current?.label ? `（${me.name}）` : ''}
        </Text>
        <Text className="hz-persona__switch">{open ? '收起' : '切换身份'}</Text>
      </View>
      {open && (
        <View className="hz-persona__list" role="listbox" ariaRole="listbox" aria-label="选择演示身份">
          {[{ openid: '', label: '未登录（无微信身份）' }, ...personas].map((p) => (
            <View
              key={p.openid || 'none'}
              role="option"
              ariaRole="option"
              aria-selected={(openid ?? '') === p.openid}
              className={`hz-persona__item${(openid ?? '') === p.openid ? ' hz-persona__item--on' : ''}`}
              onClick={() => {
                setOpen(false);
                void switchPersona(p.openid || null);
              }}
            >
              <Text>{p.label}</Text>
              <Text className="hz-persona__openid">{p.openid || '—'}</Text>
            </View>
          ))}
        </View>
      )}
      <DemoClock openid={openid ?? null} />
    </View>
  );
}
