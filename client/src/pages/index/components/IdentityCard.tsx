// The identity card at the top of the home page. An ID number is masked for anyone but its owner; the owner's
// own number is masked on screen too until they ask to see it (shoulder-surfing on a shared phone).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { DEPARTMENT_LABELS, maskIdNumber, type DepartmentCode } from '@hz-points/shared';
import type { ActingFor, Me, SessionState, StaffRoleGrant } from '../../../services/session';

/** '审核员（人力社保）', '区积分受理点', '管理员'. */
function staffRoleLabel(r: StaffRoleGrant): string {
  if (r.role === 'reviewer') {
    const dept = r.department ? (DEPARTMENT_LABELS[r.department as DepartmentCode] ?? r.department) : '';
    return dept ? `审核员（${dept}）` : '审核员';
  }
  return r.role === 'district-office' ? '区积分受理点' : '管理员';
}

export interface IdentityCardProps {
  me: Me | null;
  status: SessionState['status'];
  error: SessionState['error'];
  actingFor: ActingFor | null;
  onRegister: () => void;
  onRetry: () => void;
}

export function IdentityCard({ me, status, error, actingFor, onRegister, onRetry }: IdentityCardProps) {
  const [reveal, setReveal] = useState(false);
  if (status === 'loading' && !me) {
    return (
      <View className="hz-id-card" aria-busy>
        <Text className="hz-id-card__name">正在获取身份信息…</Text>
      </View>
    );
  }
  // A service failure is not "signed out": say what happened and offer a retry.
  if (!me && status === 'error' && error && error.code !== 'UNAUTHENTICATED') {
    return (
      <View className="hz-id-card hz-id-card--anonymous" role="alert" ariaRole="alert">
        <View className="hz-id-card__avatar" aria-hidden>
          !
        </View>
        <View className="hz-id-card__main">
          <Text className="hz-id-card__name">暂时无法获取身份信息</Text>
          <Text className="hz-id-card__hint">{error.message}</Text>
        </View>
        <View
          className="hz-id-card__action"
          role="button"
          ariaRole="button"
          ariaLabel="重新获取身份信息"
          onClick={onRetry}
        >
          重试
        </View>
      </View>
    );
  }
  // Staff accounts need no 实名 record of their own to work: show who they are working as.
  if (me && !me.registered && me.roles.length > 0) {
    return (
      <View className="hz-id-card">
        <View className="hz-id-card__avatar" aria-hidden>
          工
        </View>
        <View className="hz-id-card__main">
          <Text className="hz-id-card__name">工作人员</Text>
          <Text className="hz-id-card__hint">{me.roles.map(staffRoleLabel).join('、')}</Text>
        </View>
      </View>
    );
  }
  if (!me || !me.registered) {
    return (
      <View className="hz-id-card hz-id-card--anonymous">
        <View className="hz-id-card__avatar" aria-hidden>
          人
        </View>
        <View className="hz-id-card__main">
          <Text className="hz-id-card__name">{me ? '未实名' : '未登录'}</Text>
          <Text className="hz-id-card__hint">完成实名登记后可申请积分、查询进度</Text>
        </View>
        <View
          className="hz-id-card__action"
          role="button"
          ariaRole="button"
          ariaLabel="去实名登记"
          onClick={onRegister}
        >
          去实名
        </View>
      </View>
    );
  }
  const own = me.idNumber ? (reveal ? me.idNumber : maskIdNumber(me.idNumber)) : '';
  return (
    <View className="hz-id-card">
      <View className="hz-id-card__avatar" aria-hidden>
        {(me.name ?? '人').slice(0, 1)}
      </View>
      <View className="hz-id-card__main">
        <View className="hz-id-card__row">
          <Text className="hz-id-card__name">{me.name}</Text>
          <Text className="hz-id-card__tag">✓ 已实名</Text>
        </View>
        {own && (
          <View className="hz-id-card__row">
            <Text className="hz-id-card__id" aria-label={reveal ? `身份证号 ${own}` : '身份证号（已隐藏）'}>
              {own}
            </Text>
            <View
              className="hz-id-card__reveal"
              role="button"
              ariaRole="button"
              ariaLabel={reveal ? '隐藏身份证号' : '显示完整身份证号'}
              onClick={() => setReveal(!reveal)}
            >
              {reveal ? '隐藏' : '显示'}
            </View>
          </View>
        )}
        {actingFor && (
          <Text className="hz-id-card__hint">
            正在代办：{actingFor.name}（{actingFor.relationLabel}）
          </Text>
        )}
      </View>
    </View>
  );
}
