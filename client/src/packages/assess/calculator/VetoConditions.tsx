// The whole published veto (一票否决) list from the rule data, each condition marked as read from a public copy
// (with its confidence): none of them is in the two official documents we hold.
import { Text, View } from '@tarojs/components';
import { ruleSetFor } from '@hz-points/shared';

export function VetoConditions({ cutoffDate }: { cutoffDate: string }) {
  const conditions = ruleSetFor(cutoffDate).versions.veto.params.conditions;
  return (
    <View className='hz-hint hz-veto' aria-label='一票否决情形'>
      <Text>有下列情形之一的，实行一票否决，不予积分：</Text>
      {conditions.map((c) => (
        <View key={c.text} className='hz-veto__item' data-testid='veto-condition'>
          <Text>· {c.text}</Text>
          <Text className='hz-unverified'> ⚠ 公开转载，未核实（可信度{c.confidence}）</Text>
        </View>
      ))}
    </View>
  );
}
