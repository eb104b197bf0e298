// The whole published veto (一票否决) list from the rule data, each condition marked as read from a public copy
// (with its confidence): none of them is in the two official documents we hold.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ruleSetFor } from '@hz-points/shared';
import { citationText } from '../../../components/Citation';

export function VetoConditions({ cutoffDate }: { cutoffDate: string }) {
  const conditions = ruleSetFor(cutoffDate).versions.veto.params.conditions;
  // One 说明/依据 link for the list: opened, each condition says it is read from a public copy, with its confidence.
  const [open, setOpen] = useState(false);
  return (
    <View className="hz-hint hz-veto" aria-label="一票否决情形">
      <Text>有下列情形之一的，实行一票否决，不予积分：</Text>
      {conditions.map((c) => (
        <View key={c.text} className="hz-veto__item" data-testid="veto-condition">
          <Text>· {c.text}</Text>
          {open ? <Text className="hz-source__standing"> ⚠ 公开转载，未核实（可信度{c.confidence}）</Text> : null}
        </View>
      ))}
      <View
        className="hz-link hz-source__toggle"
        role="button"
        ariaRole="button"
        aria-expanded={open}
        aria-label={`一票否决情形（含未核实规则）：${open ? '收起说明' : '说明/依据'}`}
        onClick={() => setOpen(!open)}
      >
        <Text>{open ? '收起说明' : '⚠ 说明/依据'}</Text>
      </View>
      {open
        ? [...new Set(conditions.map((c) => citationText(c.source)))].map((text) => (
            <Text key={text} className="hz-cite hz-source__cite">
              依据：{text}
            </Text>
          ))
        : null}
    </View>
  );
}
