// 基本条件: the certificate of the year and its points against the threshold, the points pathway checked item by item
// (when the person's own ID number gives the birth date), and the other conditions the window checks.
import { Text, View } from '@tarojs/components';
import { PATHWAY_RULES } from '@hz-points/shared';
import { ActionButton } from '../../../components/Form';
import { navigate } from '../../../routes';
import { Row, Section, StateBadge } from '../../apply/common/ui';
import type { CertificateView } from '../../cert/types';
import { pointsPathway } from './eligibility';
import type { Declarations } from './useSettlement';

/** The points a settlement application needs (准申请分值), from the rules package. */
const MIN_POINTS = PATHWAY_RULES.points.minPoints;

export function ConditionsSection(props: {
  year: number;
  /** The active certificate of the year; null when there is none, undefined before it is known. */
  cert: CertificateView | null | undefined;
  /** The person's own ID number; undefined when acting for someone (the server masks theirs). */
  ownIdNumber: string | undefined;
  declarations: Declarations;
  /** Today in Beijing (YYYY-MM-DD): the day the pathway's age is reckoned on. */
  today: string;
}) {
  const { year, cert } = props;
  const points = cert?.content.total ?? null;
  const checks = [
    {
      name: '积分有效凭证',
      ok: !!cert,
      text: cert ? `已取得${year}年度积分有效凭证（${cert.serial}）` : `尚未取得${year}年度有效的积分有效凭证`,
    },
    {
      name: '积分分值',
      ok: points !== null && points >= MIN_POINTS,
      text:
        points === null
          ? `积分须达到${MIN_POINTS}分`
          : `积分${points}分${points >= MIN_POINTS ? '，达到' : '，未达到'}${MIN_POINTS}分`,
    },
  ];
  // No ID number of one's own (acting for someone, or not yet known): pointsPathway gives null, the list is left out.
  const pathway = pointsPathway({
    idNumber: props.ownIdNumber,
    points,
    residencePermitValid: props.declarations.permit,
    fullCivilCapacity: props.declarations.capacity,
    noUrbanHukou: props.declarations.noHukou,
    on: props.today,
  });

  return (
    <Section title="基本条件">
      {checks.map((c) => (
        <Row key={c.name} label={c.name}>
          <StateBadge tone={c.ok ? 'done' : 'back'} text={c.ok ? '符合' : '不符合'} />
          <Text>{c.text}</Text>
        </Row>
      ))}
      {pathway ? (
        <View aria-label="积分落户条件自查">
          <Text className="flows-label">{pathway.label}：逐项自查（勾选下方声明后更新）</Text>
          {pathway.conditions.map((c) => (
            <View key={c.key} className="flows-row">
              <StateBadge
                tone={c.met === true ? 'done' : c.met === false ? 'back' : 'wait'}
                text={c.met === true ? '满足' : c.met === false ? '不满足' : '待确认'}
              />
              <Text className="flows-row__value">{c.met === true ? c.requirement : (c.reason ?? c.requirement)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className="flows-muted">
        另须：持有效的浙江省居住证（市区）、年满{PATHWAY_RULES.points.minAge}
        周岁、具有完全民事行为能力、未在杭州市区落户。积分{MIN_POINTS}分是申请门槛，不是落户承诺。
      </Text>
      <View className="flows-actions">
        <ActionButton block fill="outline" onPress={() => navigate('pathways', {})} aria-label="其他落户途径自测">
          其他落户途径自测
        </ActionButton>
      </View>
    </Section>
  );
}
