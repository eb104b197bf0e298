import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { useBeijingToday } from '../../../lib/today';
import { Guide, type GuideSection } from './Guide';
import './index.scss';

const SECTIONS: readonly GuideSection[] = ['materials', 'timeline', 'faq'];

export default function GuidePage() {
  // The page edge: the one clock read, as a Beijing date.
  const today = useBeijingToday();
  const section = useRouter().params.section as GuideSection | undefined;
  return (
    <PageShell title="办事指南" hideActingFor>
      <Guide today={today} initialSection={section && SECTIONS.includes(section) ? section : 'materials'} />
    </PageShell>
  );
}
