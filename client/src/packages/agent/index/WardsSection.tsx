// 被监护人/亲属: the people without WeChat the caller may act for, and the form to add one.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/Form';
import type { Subject } from '../../apply/common/types';
import { Section } from '../../apply/common/ui';
import { NewDependentForm } from './NewDependentForm';
import { SubjectRow } from './SubjectRow';
import type { AgentData } from './useAgentData';

export function WardsSection(props: { wards: Subject[]; run: AgentData['run']; busy: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <Section title={`被监护人/亲属（${props.wards.length}人）`}>
      {props.wards.length === 0 ? (
        <Text className="flows-muted">暂无。可为没有微信的未成年子女、老人或残疾亲属代办。</Text>
      ) : null}
      {props.wards.map((s) => (
        <SubjectRow key={s.personId} subject={s} />
      ))}
      <View className="flows-actions">
        <ActionButton
          block
          fill="outline"
          onPress={() => setOpen(!open)}
          aria-expanded={open}
          aria-label={open ? '收起' : '添加被监护人/亲属'}
        >
          {open ? '收起' : '添加被监护人/亲属'}
        </ActionButton>
      </View>
      {open ? <NewDependentForm run={props.run} busy={props.busy} onDone={() => setOpen(false)} /> : null}
    </Section>
  );
}
