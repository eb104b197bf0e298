// One person the caller may act for: name, masked ID number, relation, and what can be done for them.
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/Form';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import type { Subject } from '../../apply/common/types';
import { StateBadge } from '../../apply/common/ui';
import { RELATION_LABELS, WARD_SCOPE, type Relation } from './model';

type Then = 'applyForm' | 'applyProgress' | 'settle';

export function SubjectRow({ subject: s }: { subject: Subject }) {
  const session = useSession();
  // "为其申请" sets the app-wide actingFor: every page shows the banner and sends `onBehalfOf`.
  const actFor = (then: Then) => {
    const relationLabel =
      s.kind === 'employee' ? '单位委托代办' : `${RELATION_LABELS[s.relation as Relation] ?? '亲属'}代办`;
    session.setActingFor({ personId: s.personId, name: s.name, relationLabel });
    void navigate(then, {});
  };
  return (
    <View className="flows-item" aria-label={`${s.name}，${s.allowed ? '可代办' : '不可代办'}`}>
      <View className="flows-item__head">
        <Text className="flows-item__title">{s.name}</Text>
        <StateBadge tone={s.allowed ? 'done' : 'off'} text={s.allowed ? '可代办' : '不可代办'} />
      </View>
      <View className="flows-item__meta">
        <Text>
          身份证：{s.idNumber}
          {s.kind === 'dependent' ? ` · 我是其${RELATION_LABELS[s.relation as Relation] ?? s.relation}` : ' · 单位委托'}
        </Text>
      </View>
      {s.allowed ? (
        <View
          className="flows-evidence__actions"
          style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '8px' }}
        >
          <ActionButton
            size="small"
            type="primary"
            onPress={() => actFor('applyForm')}
            aria-label={`为${s.name}申请积分`}
          >
            为其申请
          </ActionButton>
          <ActionButton size="small" onPress={() => actFor('applyProgress')} aria-label={`查询${s.name}的积分`}>
            查询进度
          </ActionButton>
          <ActionButton size="small" onPress={() => actFor('settle')} aria-label={`为${s.name}申请落户`}>
            落户申请
          </ActionButton>
        </View>
      ) : (
        <View className="flows-item__meta">
          <Text>{s.kind === 'dependent' ? `仅可为${WARD_SCOPE}代办。` : '委托未生效或已失效。'}</Text>
        </View>
      )}
    </View>
  );
}
