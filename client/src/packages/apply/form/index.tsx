// 积分申请: choose indicators → one step per indicator (its fields + evidence) → 个人承诺 and submit.
// Drafts survive closing the app: kept locally on every change and on the server (applications.saveDraft) at each
// step. Submit is idempotent (one request id per form) and the button is disabled while sending.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { Checkbox } from '../../../components/Form';
import { DEPARTMENT_LABELS, INDICATORS, type IndicatorCode } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { useReminderOffer } from '../../../services/subscribe';
import { call, newRequestId } from '../common/api';
import { ClaimFields } from '../common/ClaimFields';
import {
  CLAIMABLE,
  claimFormFromValue,
  emptyClaimForm,
  indicatorLabel,
  toClaimValue,
  type ClaimForm,
} from '../common/claims';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft, type LocalDraft } from '../common/draft';
import { EvidencePicker, type EvidenceFile } from '../common/EvidencePicker';
import { applicationRoundYear, nowInstant, syncClock, useNow } from '../common/now';
import { findOpenRoundYear } from '../common/rounds';
import type { Application } from '../common/types';
import { ErrorNotice, FlowsToast, InfoNotice, Loading, Row, Section, toast } from '../common/ui';
import { formatChineseDate } from '../common/workdays';

type Phase = 'loading' | 'editing' | 'submitted';

export default function ApplyFormPage() {
  const session = useSession();
  const now = useNow();
  const onBehalfOf = session.actingFor?.personId;
  const subjectKey = `${session.openid ?? 'me'}.${onBehalfOf ?? 'self'}`;

  const [phase, setPhase] = useState<Phase>('loading');
  const [year, setYear] = useState<number>(() => applicationRoundYear(now));
  const [selected, setSelected] = useState<IndicatorCode[]>([]);
  const [forms, setForms] = useState<Partial<Record<IndicatorCode, ClaimForm>>>({});
  const [files, setFiles] = useState<Partial<Record<IndicatorCode, EvidenceFile[]>>>({});
  const [step, setStep] = useState(1);
  const [indicatorIndex, setIndicatorIndex] = useState(0);
  const [commitment, setCommitment] = useState(false);
  const [sending, setSending] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Application | null>(null);
  const requestId = useRef<string>(newRequestId());
  const offerReminders = useReminderOffer('applicationSubmitted');

  // Load: the local draft (newest typing) or the server's draft; a submitted application shows its receipt.
  useEffect(() => {
    let alive = true;
    setPhase('loading');
    (async () => {
      const list = await call<{ applications: Application[] }, 'applications', 'list'>(
        'applications',
        'list',
        onBehalfOf ? { onBehalfOf } : {},
      );
      if (!alive) return;
      await syncClock();
      const at = nowInstant();
      const roundYear = await findOpenRoundYear(applicationRoundYear(at), at);
      if (!alive) return;
      const apps = list.ok ? list.data.applications : [];
      const current =
        apps.find((a) => a.year === roundYear) ??
        [...apps].sort((a, b) => b.year - a.year).find((a) => a.status === 'draft') ??
        null;
      if (!list.ok) setError(list.error.message);
      if (current && current.status !== 'draft') {
        setSubmitted(current);
        setPhase('submitted');
        return;
      }
      // A local draft of another round (last year's, never submitted) is not reused.
      const local = loadLocalDraft(subjectKey);
      if (local && local.year === (current?.year ?? roundYear)) {
        setYear(local.year);
        setSelected(local.selected);
        setForms(local.forms);
        setFiles(local.files);
        setStep(local.step);
        setIndicatorIndex(local.indicatorIndex);
        requestId.current = local.requestId;
      } else if (current) {
        setYear(current.year);
        setSelected(current.claims.map((c) => c.indicator));
        setForms(Object.fromEntries(current.claims.map((c) => [c.indicator, claimFormFromValue(c.indicator, c.value)])));
        setFiles(
          Object.fromEntries(
            current.claims.map((c) => [c.indicator, c.evidence.map((fileId, i) => ({ fileId, name: `材料${i + 1}` }))]),
          ),
        );
      } else setYear(roundYear);
      setPhase('editing');
    })();
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subjectKey]);

  // Every change is kept locally at once.
  useEffect(() => {
    if (phase !== 'editing') return;
    const draft: LocalDraft = {
      year,
      selected,
      forms,
      files,
      step,
      indicatorIndex,
      requestId: requestId.current,
      savedAt: Date.now(),
    };
    saveLocalDraft(subjectKey, draft);
  }, [phase, subjectKey, year, selected, forms, files, step, indicatorIndex]);

  const current = selected[indicatorIndex];

  function buildClaims(strict: boolean): { ok: true; claims: { indicator: IndicatorCode; value: Record<string, unknown>; evidence: string[] }[] } | { ok: false; message: string } {
    const claims = [];
    for (const code of selected) {
      const v = toClaimValue(code, forms[code] ?? emptyClaimForm(code));
      if (!v.ok) {
        if (strict) return { ok: false, message: `${indicatorLabel(code)}：${v.message}` };
        continue;
      }
      claims.push({ indicator: code, value: v.value, evidence: (files[code] ?? []).map((f) => f.fileId) });
    }
    return { ok: true, claims };
  }

  async function saveServerDraft(strict = false): Promise<Application | null> {
    const built = buildClaims(strict);
    if (!built.ok) {
      setError(built.message);
      return null;
    }
    setSaving(true);
    const res = await call<{ application: Application }, 'applications', 'saveDraft'>('applications', 'saveDraft', {
      year,
      claims: built.claims,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    setSaving(false);
    if (!res.ok) {
      setError(res.error.message);
      return null;
    }
    return res.data.application;
  }

  function toggle(code: IndicatorCode, on: boolean) {
    setSelected((s) => (on ? [...s.filter((c) => c !== code), code] : s.filter((c) => c !== code)));
    if (on && !forms[code]) setForms((f) => ({ ...f, [code]: emptyClaimForm(code) }));
  }

  async function next() {
    setError(null);
    setNotice(null);
    if (step === 1) {
      if (selected.length === 0) {
        setError('请至少选择一项申报指标');
        return;
      }
      // Keep the rule table's order so steps read like the official form.
      setSelected((s) => CLAIMABLE.filter((c) => s.includes(c)));
      setIndicatorIndex(0);
      setStep(2);
      return;
    }
    if (step === 2 && current) {
      const v = toClaimValue(current, forms[current] ?? emptyClaimForm(current));
      if (!v.ok) {
        setError(`${indicatorLabel(current)}：${v.message}`);
        return;
      }
      if ((files[current] ?? []).length === 0) {
        setError(`${indicatorLabel(current)}：请上传证明材料`);
        return;
      }
      if (!(await saveServerDraft(false))) return;
      if (indicatorIndex + 1 < selected.length) setIndicatorIndex(indicatorIndex + 1);
      else setStep(3);
      Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
    }
  }

  function back() {
    setError(null);
    if (step === 3) setStep(2);
    else if (step === 2 && indicatorIndex > 0) setIndicatorIndex(indicatorIndex - 1);
    else setStep(1);
  }

  async function onSaveDraft() {
    setError(null);
    const app = await saveServerDraft(false);
    if (app) {
      setNotice('草稿已保存，下次进入可继续填写');
      toast('草稿已保存');
    }
  }

  async function submit() {
    if (sending) return;
    setError(null);
    if (!commitment) {
      setError('请阅读并勾选《个人承诺书》后再提交');
      return;
    }
    void offerReminders(); // before any await: WeChat shows its dialog only from the tap itself
    setSending(true);
    const app = await saveServerDraft(true);
    if (!app) {
      setSending(false);
      return;
    }
    const res = await call<{ application: Application }, 'applications', 'submit'>('applications', 'submit', {
      applicationId: app.applicationId,
      commitment: true,
      requestId: requestId.current,
    });
    setSending(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    clearLocalDraft(subjectKey);
    setSubmitted(res.data.application);
    setPhase('submitted');
  }

  const stepTitle = useMemo(
    () => (step === 2 && current ? `第${indicatorIndex + 1}/${selected.length}项：${indicatorLabel(current)}` : ''),
    [step, current, indicatorIndex, selected.length],
  );

  if (phase === 'loading') {
    return (
      <PageShell title="积分申请">
        <Loading />
      </PageShell>
    );
  }

  if (phase === 'submitted' && submitted) {
    return (
      <PageShell title="积分申请">
        <Section title="申请已受理">
          <Row label="申请年度">{submitted.year}年度</Row>
          <Row label="受理日期">{formatChineseDate(submitted.acceptedOn)}</Row>
          <Row label="可查询结果">{formatChineseDate(submitted.resultDate)}起（受理后20个工作日）</Row>
          <Text className="flows-muted">已提交的申报项不能修改；如被退回，可在结果公布前补充材料。</Text>
        </Section>
        <View className="flows-actions">
          <Button type="primary" block onClick={() => navigate('applyProgress', { applicationId: submitted.applicationId })}>
            查看审核进度
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="积分申请">
      <FlowsToast />
      <View className="flows-section">
        <Steps value={step} status="dynamic" aria-label={`申请步骤：第${step}步，共3步`}>
          <Step value={1} title="选择指标" />
          <Step value={2} title="填写申报项" description={step === 2 ? `${indicatorIndex + 1}/${selected.length}` : undefined} />
          <Step value={3} title="承诺并提交" />
        </Steps>
      </View>
      <InfoNotice>
        {year}年度积分申请{onBehalfOf && session.actingFor ? `（为${session.actingFor.name}申请）` : ''}。填写内容自动保存为草稿。
      </InfoNotice>

      {step === 1 ? (
        <Section title="选择要申报的指标">
          <Text className="flows-muted">扣分项由公安等部门依据记录核查，无需申报。</Text>
          {CLAIMABLE.map((code) => (
            <View key={code} className="flows-item">
              <Checkbox
                checked={selected.includes(code)}
                onChange={(on) => toggle(code, on)}
                aria-label={`申报${indicatorLabel(code)}`}
                label={
                  <Text>
                    {indicatorLabel(code)}
                    <Text className="flows-muted">（{DEPARTMENT_LABELS[INDICATORS[code].department]}审核）</Text>
                  </Text>
                }
              />
            </View>
          ))}
        </Section>
      ) : null}

      {step === 2 && current ? (
        <Section title={stepTitle}>
          <Text className="flows-muted">{INDICATORS[current].summary}</Text>
          <ClaimFields
            code={current}
            form={forms[current] ?? emptyClaimForm(current)}
            onChange={(f) => setForms((all) => ({ ...all, [current]: f }))}
          />
          <Text className="flows-label">所需材料：{INDICATORS[current].evidence.join('；')}</Text>
          <EvidencePicker
            label="证明材料"
            value={files[current] ?? []}
            onBehalfOf={onBehalfOf}
            onChange={(list) => setFiles((all) => ({ ...all, [current]: list }))}
          />
        </Section>
      ) : null}

      {step === 3 ? (
        <>
          <Section title="申报内容确认">
            {selected.map((code) => (
              <Row key={code} label={indicatorLabel(code)}>
                <Text>{(files[code] ?? []).length}份材料</Text>
              </Row>
            ))}
          </Section>
          <Section title="个人承诺书">
            <Text className="flows-muted">
              本人承诺所填报的信息和提交的材料真实、准确、有效。如有弄虚作假，自愿承担积分作废、5年内不得再次申请等相应责任。
            </Text>
            <Checkbox
              checked={commitment}
              onChange={(v) => setCommitment(v)}
              aria-label="我已阅读并同意个人承诺书"
              label="我已阅读并同意《个人承诺书》"
            />
          </Section>
        </>
      ) : null}

      <ErrorNotice message={error} />
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}

      <View className="flows-actions">
        {step === 3 ? (
          <Button
            type="primary"
            block
            loading={sending}
            disabled={sending || !commitment}
            aria-label="提交积分申请"
            onClick={submit}
          >
            {sending ? '正在提交…' : '提交申请'}
          </Button>
        ) : (
          <Button type="primary" block disabled={saving} onClick={next} aria-label="下一步">
            下一步
          </Button>
        )}
        {step > 1 ? (
          <Button block fill="outline" onClick={back} disabled={sending}>
            上一步
          </Button>
        ) : null}
        {step > 1 ? (
          <Button block fill="none" onClick={onSaveDraft} disabled={saving || sending}>
            保存草稿
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}
