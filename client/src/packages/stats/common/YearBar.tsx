// The year switcher of the staff pages (as on 年度批次).
import React from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

export function YearBar(props: { year: number; onChange: (year: number) => void }) {
  return (
    <View className="flows-section" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
      <Button size="small" onClick={() => props.onChange(props.year - 1)} aria-label="上一年度">
        上一年
      </Button>
      <Text className="flows-item__title" aria-live="polite">
        {props.year}年度
      </Text>
      <Button size="small" onClick={() => props.onChange(props.year + 1)} aria-label="下一年度">
        下一年
      </Button>
    </View>
  );
}

/** The year from the page's query (`?year=2025`), else the current Beijing year. */
export function initialYear(param: string | undefined, today: string): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : Number(today.slice(0, 4));
}
