// The visible 长辈版 entry (适老化): one tap switches the whole app; the choice is remembered.
import { Text, View } from '@tarojs/components';
import { useElderMode } from '../../theme/elder';
import './index.scss';

export function ElderToggle() {
  const [elder, setElder] = useElderMode();
  return (
    <View
      className={`hz-elder-toggle${elder ? ' hz-elder-toggle--on' : ''}`}
      role="switch"
      ariaRole="switch"
      aria-checked={elder}
      aria-label={elder ? '长辈版已开启，点击切换为标准版' : '切换为长辈版（大字体）'}
      onClick={() => setElder(!elder)}
    >
      <Text className="hz-elder-toggle__icon" aria-hidden>
        {elder ? '✓' : 'A+'}
      </Text>
      <Text>{elder ? '长辈版：开' : '长辈版'}</Text>
    </View>
  );
}
