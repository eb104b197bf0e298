// The buttons under the calculator (on to the pathway check, the guide, or start over) and the closing disclaimer.
import { Text, View } from '@tarojs/components';
import { ConfirmAction, pressableProps } from '../../../components/Form';
import { navigate } from '../../../routes';

export function CalculatorActions({ onReset }: { onReset: () => void }) {
  return (
    <>
      <View className="hz-actions">
        <View className="hz-button" role="button" ariaRole="button" onClick={() => void navigate('pathways')}>
          落户途径自测 ›
        </View>
        <View
          className="hz-button hz-button--ghost"
          role="button"
          ariaRole="button"
          onClick={() => void navigate('guide')}
        >
          查看办事指南
        </View>
        <ConfirmAction
          question="确定清空已填写的全部内容吗？清空后无法恢复。"
          confirmLabel="确定清空"
          onConfirm={onReset}
          trigger={(open) => (
            <View
              className="hz-button hz-button--ghost"
              role="button"
              ariaRole="button"
              {...pressableProps(open)}
              onClick={open}
            >
              清空重填
            </View>
          )}
        />
      </View>
      <Text className="hz-muted hz-calc__disclaimer">
        本测算仅供参考，标有“未核实”的分值来自公开转载的指标表，尚未与官方文件核对；最终分值以各部门审核结果为准。
      </Text>
    </>
  );
}
