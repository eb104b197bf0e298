// The calculator's opening card: what the page does, that the answers stay on this device, and which round's
// cut-off date the score counts to (a choice only while more than one round is open).
import { Text, View } from '@tarojs/components';
import { formatChineseDate } from '@hz-points/shared';
import { SelectField } from './fields';

export function RoundIntro({
  choices,
  cutoffDate,
  onChange,
}: {
  choices: string[];
  cutoffDate: string;
  onChange: (cutoffDate: string) => void;
}) {
  return (
    <View className="hz-card hz-calc__intro">
      <Text>填写您的情况，系统即时估算积分。所填信息只保存在本机，不会上传。</Text>
      {choices.length > 1 ? (
        <View className="hz-calc__round">
          <Text className="hz-calc__round-label">计算年度</Text>
          <SelectField
            title="按哪个年度的指标截止日计算"
            value={cutoffDate}
            options={choices.map((c) => ({
              value: c,
              label: `${c.slice(0, 4)}年度（截止日${formatChineseDate(c)}）`,
            }))}
            onChange={onChange}
          />
        </View>
      ) : (
        <Text className="hz-muted">按{formatChineseDate(cutoffDate)}指标截止日计算。</Text>
      )}
    </View>
  );
}
