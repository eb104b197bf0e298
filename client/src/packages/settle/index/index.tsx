// 积分落户申请: the basic conditions (points ≥ 100 on an active certificate of the round, declarations checked again
// at the window), application only on acceptance days of 11-01..11-30 (closed state with the dates), and after
// publication the result and the admission notice (准入通知书) with its 60-day expiry.
// The data and actions are in useSettlement; each section is its own component, composed here in page order.
import { beijingDate } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, Loading } from '../../apply/common/ui';
import { ApplyForm } from './ApplyForm';
import { ConditionsSection } from './ConditionsSection';
import { MyApplication } from './MyApplication';
import { Published } from './Published';
import { useSettlement } from './useSettlement';
import { WindowSection } from './WindowSection';

export default function SettlePage() {
  const session = useSession();
  const now = useNow();
  const onBehalfOf = session.actingFor?.personId;
  const year = Number(beijingDate(now).slice(0, 4));
  const settle = useSettlement({ year, onBehalfOf });
  const { state } = settle;

  if (!state && !settle.error) {
    return (
      <PageShell title="落户申请">
        <Loading />
      </PageShell>
    );
  }

  return (
    <PageShell title="落户申请">
      <ErrorNotice message={settle.error} />
      <WindowSection year={year} state={state} />
      <ConditionsSection
        year={year}
        cert={settle.cert}
        // Own ID number only (the server masks it for delegates): then the rules package can check the points pathway.
        ownIdNumber={onBehalfOf ? undefined : session.me?.idNumber}
        declarations={settle.declarations}
        today={beijingDate(now)}
      />
      {state?.settlement ? (
        <MyApplication
          year={year}
          settlement={state.settlement}
          published={!!state.result}
          form={settle.form}
          onWithdraw={settle.withdraw}
        />
      ) : null}
      <Published result={state?.result ?? null} notice={state?.notice ?? null} now={now} />
      {state?.acceptingNow && !state.settlement ? (
        <ApplyForm
          form={settle.form}
          district={settle.district}
          setDistrict={settle.setDistrict}
          declarations={settle.declarations}
          setDeclaration={settle.setDeclaration}
          hasCertificate={!!settle.cert}
          sending={settle.sending}
          onApply={settle.apply}
        />
      ) : null}
    </PageShell>
  );
}
