// 积分申请: choose indicators → one step per indicator (its fields + evidence) → every claim with its evidence, the
// 个人承诺 and submit → the receipt. The data lives in useApplicationDraft (local copy on every change, server
// draft at each step); this page only runs the steps. Each error appears beside the control it concerns and is
// brought into view (useFormErrors). Submit is idempotent (one request id per form); the button waits while sending.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Step, Steps } from '@nutui/nutui-react-taro';
import { ActionButton, FieldError, useFormErrors } from '../../../components/Form';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { useReminderOffer } from '../../../services/subscribe';
import { CLAIMABLE, emptyClaimForm, indicatorLabel, toClaimValue } from '../common/claims';
import { ErrorNotice, FlowsToast, InfoNotice, Loading, Section, toast } from '../common/ui';
import { Receipt } from './Receipt';
import { RegistrationGate, type Registration } from './RegistrationGate';
import { StepChoose } from './StepChoose';
import { StepClaims } from './StepClaims';
import { StepCommitment } from './StepCommitment';
import { StepEvidence } from './StepEvidence';
import { useApplicationDraft } from './useApplicationDraft';

export default function ApplyFormPage() {
  const session = useSession();
  const onBehalfOf = session.actingFor?.personId;
  const subjectKey = `${session.openid ?? 'me'}.${onBehalfOf ?? 'self'}`;
  // The caller must be registered, also when acting for someone (the server checks the caller).
  const registration: Registration = !session.me ? 'unknown' : session.me.registered ? 'registered' : 'unregistered';
  const draft = useApplicationDraft({ subjectKey, onBehalfOf, enabled: registration !== 'unregistered' });
  const form = useFormErrors();
  const [commitment, setCommitment] = useState(false);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const offerReminders = useReminderOffer('applicationSubmitted');
  const { step, selected, indicatorIndex } = draft;
  const current = selected[indicatorIndex];

  async function next() {
    form.clear();
    setNotice(null);
    if (step === 1) {
      if (selected.length === 0) return form.fail('indicators', '请至少勾选一项要申报的指标，再点“下一步”');
      // Keep the rule table's order so steps read like the official form.
      draft.setSelected((s) => CLAIMABLE.filter((c) => s.includes(c)));
      draft.setIndicatorIndex(0);
      draft.setStep(2);
      return;
    }
    if (step === 2 && current) {
      const v = toClaimValue(current, draft.forms[current] ?? emptyClaimForm(current));
      const noFiles = (draft.files[current] ?? []).length === 0;
      const errors = {
        claim: v.ok ? null : `${indicatorLabel(current)}：${v.message}`,
        evidence: noFiles ? `${indicatorLabel(current)}：请上传证明材料（拍照、从相册选择或上传PDF）` : null,
      };
      if (form.show(errors)) return;
      const saved = await draft.saveServerDraft(false);
      if (!saved.ok) return form.fail('actions', saved.message);
      if (indicatorIndex + 1 < selected.length) draft.setIndicatorIndex(indicatorIndex + 1);
      else draft.setStep(3);
      Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
    }
  }

  function back() {
    form.clear();
    if (step === 3) draft.setStep(2);
    else if (step === 2 && indicatorIndex > 0) draft.setIndicatorIndex(indicatorIndex - 1);
    else draft.setStep(1);
  }

  async function saveDraft() {
    form.clear();
    const saved = await draft.saveServerDraft(false);
    if (!saved.ok) return form.fail('actions', saved.message);
    setNotice('草稿已保存，下次进入可继续填写');
    toast('草稿已保存');
  }

  async function submit() {
    if (sending) return;
    form.clear();
    if (!commitment) return form.fail('commitment', '请先阅读个人承诺书，勾选“我已阅读并同意”后再提交');
    void offerReminders(); // before any await: WeChat shows its dialog only from the tap itself
    setSending(true);
    const res = await draft.submit();
    setSending(false);
    if (!res.ok) form.fail('actions', res.message);
  }

  if (registration === 'unregistered') {
    return (
      <PageShell title="积分申请">
        <RegistrationGate />
      </PageShell>
    );
  }

  if (draft.phase === 'loading' || draft.phase === 'waiting') {
    return (
      <PageShell title="积分申请">
        <Loading />
      </PageShell>
    );
  }

  if (draft.phase === 'submitted' && draft.submitted) {
    return (
      <PageShell title="积分申请">
        <Receipt application={draft.submitted} />
      </PageShell>
    );
  }

  return (
    <PageShell title="积分申请">
      <FlowsToast />
      <View className="flows-section">
        <Steps value={step} status="dynamic" aria-label={`申请步骤：第${step}步，共3步`}>
          <Step value={1} title="选择指标" />
          <Step
            value={2}
            title="填写申报项"
            description={step === 2 ? `${indicatorIndex + 1}/${selected.length}` : undefined}
          />
          <Step value={3} title="承诺并提交" />
        </Steps>
      </View>
      <InfoNotice>
        {draft.year}年度积分申请{onBehalfOf && session.actingFor ? `（为${session.actingFor.name}申请）` : ''}
        。填写内容自动保存为草稿。
      </InfoNotice>
      <ErrorNotice message={draft.loadError} />

      {step === 1 ? <StepChoose form={form} selected={selected} onToggle={draft.toggle} /> : null}

      {step === 2 && current ? (
        <Section title={`第${indicatorIndex + 1}/${selected.length}项：${indicatorLabel(current)}`}>
          <StepClaims
            form={form}
            code={current}
            value={draft.forms[current] ?? emptyClaimForm(current)}
            onChange={(f) => draft.setForm(current, f)}
          />
          <StepEvidence
            form={form}
            code={current}
            files={draft.files[current] ?? []}
            onBehalfOf={onBehalfOf}
            onChange={(list) => draft.setFilesOf(current, list)}
          />
        </Section>
      ) : null}

      {step === 3 ? (
        <StepCommitment
          form={form}
          selected={selected}
          forms={draft.forms}
          files={draft.files}
          commitment={commitment}
          onCommitment={setCommitment}
        />
      ) : null}

      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <FieldError form={form} name="actions" />

      <View className="flows-actions">
        {step === 3 ? (
          <ActionButton
            type="primary"
            block
            loading={sending}
            disabled={sending || !commitment}
            aria-label="提交积分申请"
            onPress={submit}
          >
            {sending ? '正在提交…' : '提交申请'}
          </ActionButton>
        ) : (
          <ActionButton type="primary" block disabled={draft.saving} onPress={next} aria-label="下一步">
            下一步
          </ActionButton>
        )}
        {step > 1 ? (
          <ActionButton block fill="outline" onPress={back} disabled={sending} aria-label="上一步">
            上一步
          </ActionButton>
        ) : null}
        {step > 1 ? (
          <ActionButton block fill="none" onPress={saveDraft} disabled={draft.saving || sending} aria-label="保存草稿">
            保存草稿
          </ActionButton>
        ) : null}
      </View>
    </PageShell>
  );
}
