// Stand-in for a route whose page is still being built, so the route table and the build stay complete.
import { Text, View } from '@tarojs/components';
import { PageShell } from '../PageShell';

export function Placeholder({ title }: { title: string }) {
  return (
    <PageShell title={title}>
      <View className='hz-card' role='status' ariaRole='status'>
        <Text>功能建设中</Text>
      </View>
    </PageShell>
  );
}

export default Placeholder;
