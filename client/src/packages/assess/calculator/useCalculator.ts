// The calculator's state and what follows from it: the draft as typed (kept on this device), the round to count
// towards, and the score and plan worked out from the valid part of the draft.
import { useMemo, useState } from 'react';
import { Form } from '@nutui/nutui-react-taro';
import { planPoints, scorePoints, type PlanResult, type ScoreResult } from '@hz-points/shared';
import { cutoffChoices } from '../../../lib/rounds';
import { evaluateDraft, loadDraft, nextCutoff, saveDraft, EMPTY_DRAFT, type CalculatorDraft } from './draft';

/** Returns the change handler of one draft field; each change is saved at once, so a reload keeps what was typed. */
export type SetDraftField = <K extends keyof CalculatorDraft>(key: K) => (value: CalculatorDraft[K]) => void;

export function useCalculator(today: string) {
  const [form] = Form.useForm();
  const [draft, setDraft] = useState<CalculatorDraft>(() => loadDraft());
  const choices = useMemo(() => cutoffChoices(today), [today]);
  // `today` follows the clock, which may still move after the first render (the local dev clock answers after the
  // page is up): a choice made for another day's choices falls back to the next cut-off of today's.
  const [chosenCutoff, setCutoffDate] = useState<string | null>(null);
  const cutoffDate = chosenCutoff !== null && choices.includes(chosenCutoff) ? chosenCutoff : nextCutoff(today);

  const set: SetDraftField = (key) => (value) => {
    setDraft((d) => {
      const next = { ...d, [key]: value };
      saveDraft(next);
      return next;
    });
  };

  const evaluated = useMemo(() => evaluateDraft(draft), [draft]);
  const result: ScoreResult | null = useMemo(
    () => (evaluated.profile ? scorePoints(evaluated.profile, { cutoffDate }) : null),
    [evaluated.profile, cutoffDate],
  );
  const plan: PlanResult | null = useMemo(
    () => (evaluated.profile ? planPoints(evaluated.profile, { today }) : null),
    [evaluated.profile, today],
  );

  const reset = () => {
    form.resetFields();
    form.setFieldsValue(EMPTY_DRAFT);
    setDraft({ ...EMPTY_DRAFT });
    saveDraft({ ...EMPTY_DRAFT });
  };

  return { form, draft, set, evaluated, choices, cutoffDate, setCutoffDate, result, plan, reset };
}
