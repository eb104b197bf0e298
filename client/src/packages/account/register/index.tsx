import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { ROUTES, navigate, type RouteName } from '../../../routes';
import { Register } from './Register';

export default function RegisterPage() {
  // Sent here from a page that needs registration (e.g. 积分申请, `back=applyForm`): return to it afterwards.
  const back = useRouter().params.back;
  const target = back && back in ROUTES ? (back as RouteName) : null;
  return (
    <PageShell title="实名登记" hideActingFor>
      <Register
        onDone={() => {
          void Taro.showToast({ title: '实名登记成功', icon: 'success' });
          if (target) void Taro.navigateBack().catch(() => navigate(target));
          else void navigate('home');
        }}
      />
    </PageShell>
  );
}
