// One reviewed indicator: status as text + icon, the claim, the return reason and, while the window is open, the
// way to supplement it. Pure (no calls) so its rules are tested directly.
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DEPARTMENT_LABELS } from '@hz-points/shared';
import { describeValue, indicatorLabel } from '../common/claims';
import type { Item } from '../common/types';
import { StatusBadge } from '../common/ui';

export interface ItemCardProps {
  item: Item;
  /** The supplement window (until the result date, 24:00 Beijing) is open. */
  canSupplement: boolean;
  onSupplement?: (item: Item) => void;
  /** Points of this indicator once the result is published. */
  points?: number | null;
}

export function ItemCard({ item, canSupplement, onSupplement, points }: ItemCardProps) {
  const label = indicatorLabel(item.indicator);
  return (
    <View
      className="flows-item"
      aria-label={`${label}，${item.status === 'approved' ? '审核完成' : item.status === 'returned' ? '退回' : '审核中'}`}
    >
      <View className="flows-item__head">
        <Text className="flows-item__title">{label}</Text>
        <StatusBadge status={item.status} />
      </View>
      <View className="flows-item__meta">
        <Text>审核部门：{DEPARTMENT_LABELS[item.department] ?? item.department}</Text>
      </View>
      <View className="flows-item__meta">
        <Text>申报内容：{describeValue(item.indicator, item.claimed ?? null)}</Text>
      </View>
      {item.status === 'approved' && item.acceptedValue ? (
        <View className="flows-item__meta">
          <Text>认定内容：{describeValue(item.indicator, item.acceptedValue)}</Text>
        </View>
      ) : null}
      {typeof points === 'number' ? (
        <View className="flows-item__meta">
          <Text>得分：{points}分</Text>
        </View>
      ) : null}
      {item.status === 'returned' ? (
        <>
          <View className="flows-reason" role="note" aria-label="退回原因">
            <Text>退回原因：{item.returnReason || '未说明'}</Text>
          </View>
          {canSupplement ? (
            <Button
              size="small"
              type="primary"
              style={{ marginTop: '8px' }}
              aria-label={`补充材料：${label}`}
              onClick={() => onSupplement?.(item)}
            >
              补充材料
            </Button>
          ) : (
            <View className="flows-item__meta">
              <Text>补充期限已过，该项按0分计。</Text>
            </View>
          )}
        </>
      ) : null}
    </View>
  );
}
