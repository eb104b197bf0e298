// 批量自评: a few fields per employee, scored with the rules package on the coming round's cut-off date. Nothing is
// sent: an estimate to decide whom to help apply.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EDUCATION_LABELS, PATHWAY_RULES } from '@hz-points/shared';
import { Input, Radio } from '../../../components/Form';
import type { Subject } from '../../apply/common/types';
import { Section } from '../../apply/common/ui';
import { EMPTY_QUICK, quickScore, type QuickProfile } from './assess';

const THRESHOLD = PATHWAY_RULES.points.minPoints;

function Employee({ s, roundYear }: { s: Subject; roundYear: number }) {
  const [q, setQ] = useState<QuickProfile>(EMPTY_QUICK);
  const set = (patch: Partial<QuickProfile>) => setQ((old) => ({ ...old, ...patch }));
  const score = q.birthDate ? quickScore(q, roundYear) : null;
  return (
    <View className="flows-item">
      <Text className="flows-item__title">{s.name}</Text>
      <Text className="flows-label">出生日期</Text>
      <Input
        className="flows-input"
        value={q.birthDate}
        onChange={(v) => set({ birthDate: v })}
        placeholder="如1995-06-01"
        aria-label={`${s.name}的出生日期`}
      />
      <Text className="flows-label">文化程度</Text>
      <Radio.Group
        value={q.education}
        onChange={(v) => set({ education: String(v) })}
        direction="horizontal"
        aria-label={`${s.name}的文化程度`}
      >
        {(['junior-college', 'bachelor', 'master', 'doctor'] as const).map((k) => (
          <Radio key={k} value={k}>
            {EDUCATION_LABELS[k]}
          </Radio>
        ))}
      </Radio.Group>
      <Text className="flows-label">社保缴纳月数</Text>
      <Input
        className="flows-input"
        type="number"
        value={q.socialInsuranceMonths}
        onChange={(v) => set({ socialInsuranceMonths: v })}
        placeholder="市区缴纳，不含补缴"
        aria-label={`${s.name}的社保缴纳月数`}
      />
      <Text className="flows-label">居住登记年数</Text>
      <Input
        className="flows-input"
        type="number"
        value={q.residenceRegistrationYears}
        onChange={(v) => set({ residenceRegistrationYears: v })}
        placeholder="如4"
        aria-label={`${s.name}的居住登记年数`}
      />
      <Text className="flows-label">住房</Text>
      <Radio.Group
        value={q.housing}
        onChange={(v) => set({ housing: v as QuickProfile['housing'] })}
        direction="horizontal"
        aria-label={`${s.name}的住房`}
      >
        <Radio value="rent">租房</Radio>
        <Radio value="own">自有住房</Radio>
        <Radio value="none">其他</Radio>
      </Radio.Group>
      {q.housing === 'rent' ? (
        <>
          <Text className="flows-label">合法租赁年数</Text>
          <Input
            className="flows-input"
            type="number"
            value={q.rentalYears}
            onChange={(v) => set({ rentalYears: v })}
            placeholder="如4"
            aria-label={`${s.name}的合法租赁年数`}
          />
        </>
      ) : null}
      <View className="flows-item__meta" aria-live="polite">
        {score === null ? <Text>填写出生日期后显示估算分</Text> : null}
        {score && !score.ok ? <Text>{score.message}</Text> : null}
        {score && score.ok ? (
          <Text>
            估算积分：{score.total === null ? '存在一票否决情形' : `${score.total}分`}
            {score.total !== null && score.total >= THRESHOLD ? `（达到${THRESHOLD}分）` : ''}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

export function BatchAssess({ employees, roundYear }: { employees: Subject[]; roundYear: number }) {
  if (employees.length === 0) return null;
  return (
    <Section title={`批量自评（${roundYear}年度）`}>
      <Text className="flows-muted">按政策规则估算，仅供参考，以审核结果为准；不会上传。</Text>
      {employees.map((s) => (
        <Employee key={s.personId} s={s} roundYear={roundYear} />
      ))}
    </Section>
  );
}
