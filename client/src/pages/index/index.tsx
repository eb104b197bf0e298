import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { ElderToggle } from '../../components/ElderToggle';

export default function Home() {
  return (
    <PageShell title='新杭州人家园' hideTitle>
      <View className='hz-card'>
        <Text>居住证积分</Text>
        <ElderToggle />
      </View>
    </PageShell>
  );
}
