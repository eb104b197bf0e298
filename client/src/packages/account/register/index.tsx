import Taro from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { Register } from './Register';

export default function RegisterPage() {
  return (
    <PageShell title='实名登记' hideActingFor>
      <Register
        onDone={() => {
          void Taro.showToast({ title: '实名登记成功', icon: 'success' });
          void navigate('home');
        }}
      />
    </PageShell>
  );
}
