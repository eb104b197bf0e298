// The 积分落户 page's data and actions: the round's settlement state and the person's active certificate of the year,
// the apply form's choices, and apply / withdraw. Both actions reload the state afterwards, so the page always shows
// what the server holds.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApplySettlementInput,
  ListCertificatesInput,
  SettlementRefInput,
  WithdrawSettlementInput,
  type ActionResult,
} from '@hz-points/shared';
import { useFormErrors } from '../../../components/Form';
import { useReminderOffer } from '../../../services/subscribe';
import { callChecked, newRequestId } from '../../apply/common/api';
import type { CertificateView } from '../../cert/types';

/** settlement.get's answer, as the contract declares it (shared/src/api/results.ts). */
export type SettlementGet = ActionResult<'settlement', 'get'>;

/** The apply form's three declarations (本人声明); unticked until the person declares them. */
export interface Declarations {
  permit: boolean;
  capacity: boolean;
  noHukou: boolean;
}

export function useSettlement({ year, onBehalfOf }: { year: number; onBehalfOf?: string }) {
  const [state, setState] = useState<SettlementGet | null>(null);
  // undefined until loaded; null when there is no active certificate of the year (or the list could not be read).
  const [cert, setCert] = useState<CertificateView | null | undefined>(undefined);
  const [district, setDistrict] = useState<string>('');
  const [declarations, setDeclarations] = useState<Declarations>({ permit: false, capacity: false, noHukou: false });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useFormErrors();
  const requestId = useRef(newRequestId());
  const offerReminders = useReminderOffer('settlementApplied');

  const load = useCallback(async () => {
    setError(null);
    const who = onBehalfOf ? { onBehalfOf } : {};
    const [s, c] = await Promise.all([
      callChecked(SettlementRefInput, 'settlement', 'get', { year, ...who }),
      callChecked(ListCertificatesInput, 'certificates', 'list', who),
    ]);
    if (!s.ok) setError(s.error.message);
    else setState(s.data);
    setCert(c.ok ? (c.data.certificates.find((x) => x.status === 'active' && x.year === year) ?? null) : null);
  }, [onBehalfOf, year]);

  useEffect(() => {
    load();
  }, [load]);

  async function apply() {
    if (sending) return;
    form.clear();
    if (!district) return form.fail('district', '请在下方列表中选择拟落户区，再提交');
    void offerReminders(); // before any await: WeChat shows its dialog only from the tap itself
    setSending(true);
    const res = await callChecked(ApplySettlementInput, 'settlement', 'apply', {
      year,
      ...(onBehalfOf ? { onBehalfOf } : {}),
      district,
      declarations: {
        validResidencePermit: declarations.permit,
        fullCivilCapacity: declarations.capacity,
        hasUrbanHangzhouHukou: !declarations.noHukou,
      },
      requestId: requestId.current,
    });
    setSending(false);
    if (!res.ok) return form.fail('submit', res.error.message);
    load();
  }

  async function withdraw() {
    const res = await callChecked(WithdrawSettlementInput, 'settlement', 'withdraw', {
      year,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    if (!res.ok) return form.fail('withdraw', res.error.message);
    load();
  }

  return {
    state,
    cert,
    error,
    form,
    sending,
    district,
    setDistrict,
    declarations,
    setDeclaration: (key: keyof Declarations, value: boolean) => setDeclarations((d) => ({ ...d, [key]: value })),
    apply,
    withdraw,
  };
}
