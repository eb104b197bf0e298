import { PageShell } from '../../../components/PageShell';
import { useBeijingToday } from '../../../lib/today';
import { Calculator } from './Calculator';
import './index.scss';

export default function CalculatorPage() {
  // The page edge: the one clock read, as a Beijing date.
  const today = useBeijingToday();
  return (
    <PageShell title="积分测算">
      <Calculator today={today} />
    </PageShell>
  );
}
