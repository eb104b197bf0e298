import { PageShell } from '../../../components/PageShell';
import { useBeijingToday } from '../../../lib/today';
import { Pathways } from './Pathways';
import '../calculator/index.scss'; // same subpackage: total bar, items, plan
import './index.scss';

export default function PathwaysPage() {
  // The page edge: the one clock read, as a Beijing date.
  const today = useBeijingToday();
  return (
    <PageShell title="落户途径自测">
      <Pathways today={today} />
    </PageShell>
  );
}
