// Placeholder by client-core so the build has every route; client-flows replaces this page.
import { Placeholder } from '../../../components/Placeholder';

export default function Page() {
  return <Placeholder title='积分查询' />;
}
