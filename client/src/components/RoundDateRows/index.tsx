// The rows every round card shows (home page, 办事指南): cut-off date, points-application deadline and the
// settlement window, worded once so the two pages never disagree.
import { formatChineseDate } from '@hz-points/shared';
import { Text, View } from '@tarojs/components';

export interface RoundDateRowsProps {
  cutoffDate: string;
  pointsApplicationCloses: string;
  yearRound: boolean;
  settlementOpens: string;
  settlementCloses: string;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className="hz-round__row">
      <Text className="hz-round__k">{label}</Text>
      <Text className="hz-round__v">{children}</Text>
    </View>
  );
}

export function RoundDateRows(props: RoundDateRowsProps) {
  const closes = formatChineseDate(props.pointsApplicationCloses);
  return (
    <>
      <Row label="指标截止日">{formatChineseDate(props.cutoffDate)}</Row>
      <Row label="积分申请">{props.yearRound ? `全年受理，本批次须于${closes}前完成` : `须于${closes}前完成`}</Row>
      <Row label="落户申请">
        {formatChineseDate(props.settlementOpens)}至{formatChineseDate(props.settlementCloses)}（节假日除外）
      </Row>
    </>
  );
}
