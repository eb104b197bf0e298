// Honours (奖项荣誉): a short list of level + matter; one matter scores only its highest honour (rules package).
import { Text, View } from '@tarojs/components';
import { Input } from '../../../components/Form';
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS } from '@hz-points/shared';
import type { HonourDraft } from './draft';
import { SelectField } from './fields';

const LEVEL_OPTIONS = HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] }));

export function HonoursField({
  value = [],
  onChange,
}: {
  value?: HonourDraft[];
  onChange?: (v: HonourDraft[]) => void;
}) {
  const update = (i: number, patch: Partial<HonourDraft>) =>
    onChange?.(value.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <View className="hz-honours">
      {value.map((h, i) => (
        <View key={i} className="hz-honours__row">
          <SelectField
            title="荣誉级别"
            options={LEVEL_OPTIONS}
            value={h.level}
            placeholder="选择级别"
            onChange={(level) => update(i, { level: level as HonourDraft['level'] })}
          />
          <Input
            value={h.matter}
            placeholder="荣誉事项，如“市劳动模范”"
            aria-label={`第${i + 1}项荣誉事项`}
            onChange={(matter: string) => update(i, { matter })}
          />
          <View
            className="hz-honours__remove"
            role="button"
            ariaRole="button"
            ariaLabel={`删除第${i + 1}项荣誉`}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          >
            删除
          </View>
        </View>
      ))}
      <View
        className="hz-honours__add"
        role="button"
        ariaRole="button"
        ariaLabel="添加荣誉"
        onClick={() => onChange?.([...value, { level: '', matter: '' }])}
      >
        <Text>＋ 添加荣誉</Text>
      </View>
    </View>
  );
}
