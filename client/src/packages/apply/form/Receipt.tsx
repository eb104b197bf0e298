// The acceptance receipt (受理回执): the 受理编号 (the application's id, the number the person quotes at a window or
// on the phone), the acceptance date and the day the result can be looked up — the server's date, which the rules
// package computed (resultDate: acceptance + the cited number of working days on the official calendar).
import { Text, View } from '@tarojs/components';
import { CalendarUnknownError, DEADLINE_PERIODS, formatChineseDate, resultDate } from '@hz-points/shared';
import { ActionButton } from '../../../components/Form';
import { navigate } from '../../../routes';
import type { Application } from '../common/types';
import { Row, Section } from '../common/ui';

function resultDay(app: Application): string | null {
  if (app.resultDate) return app.resultDate;
  if (!app.acceptedOn) return null;
  try {
    return resultDate(app.acceptedOn);
  } catch (e) {
    if (e instanceof CalendarUnknownError) return null; // the year's holidays are not published yet: say so below
    throw e;
  }
}

export function Receipt({ application }: { application: Application }) {
  const day = resultDay(application);
  return (
    <>
      <Section title="申请已受理">
        <Row label="受理编号">
          <Text selectable>{application.applicationId}</Text>
        </Row>
        <Row label="申请年度">{application.year}年度</Row>
        <Row label="受理日期">{formatChineseDate(application.acceptedOn)}</Row>
        <Row label="可查询结果">
          {day
            ? `${formatChineseDate(day)}起（受理后${DEADLINE_PERIODS.result.workdays}个工作日）`
            : `受理后${DEADLINE_PERIODS.result.workdays}个工作日（节假日安排公布后显示具体日期）`}
        </Row>
        <Text className="flows-muted">
          请记下受理编号，查询或咨询时使用。已提交的申报项不能修改；如被退回，可在结果公布前补充材料。
        </Text>
      </Section>
      <View className="flows-actions">
        <ActionButton
          type="primary"
          block
          aria-label="查看审核进度"
          onPress={() => navigate('applyProgress', { applicationId: application.applicationId })}
        >
          查看审核进度
        </ActionButton>
      </View>
    </>
  );
}
