// The form state both forms of 我的代办 keep (添加被监护人/亲属, 新增员工委托): the values, keyed by the payload field
// each one fills; the errors shown under the controls (useFormErrors); and the send, whose refusal goes back under
// the form's button and whose success closes the form.
import { useState } from 'react';
import type { Envelope } from '@hz-points/shared';
import { useFormErrors } from '../../../components/Form';
import type { AgentData } from './useAgentData';

export interface AgentFormProps {
  run: AgentData['run'];
  busy: boolean;
  onDone: () => void;
}

export function useAgentForm<V extends Record<string, unknown>>(initial: V, props: AgentFormProps) {
  const form = useFormErrors();
  const [values, setValues] = useState<V>(initial);

  /** The onChange of field `key`: takes the new value and clears the error shown under that field. */
  const change =
    <K extends keyof V & string>(key: K) =>
    (value: V[K]) => {
      form.clear(key);
      setValues((current) => ({ ...current, [key]: value }));
    };

  /** Sends the change with the notice to show on success; a refusal is shown under the form's button. */
  async function send(request: Promise<Envelope<unknown>>, done: string) {
    const refused = await props.run(request, done);
    if (refused) form.fail('submit', refused);
    else props.onDone();
  }

  return { form, values, change, send };
}
