// 单位员工: the roster tools, the employees the agent may act for, entrustments not (yet) in force, and the form
// for a new entrustment.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/Form';
import { navigate } from '../../../routes';
import type { Subject } from '../../apply/common/types';
import { Row, Section, StateBadge } from '../../apply/common/ui';
import { ENT_STATUS, type EntrustmentView } from './model';
import { NewEntrustmentForm } from './NewEntrustmentForm';
import { SubjectRow } from './SubjectRow';
import type { AgentData } from './useAgentData';

interface Props {
  employees: Subject[];
  asAgent: EntrustmentView[];
  run: AgentData['run'];
  busy: boolean;
}

export function EmployeesSection(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Section title={`单位员工（${props.employees.length}人）`}>
      {/* A whole workforce at once: roster import, batch assessment and the status board (roster function). */}
      <View
        className="flows-evidence__actions"
        style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginBottom: '8px' }}
      >
        <ActionButton
          size="small"
          type="primary"
          onPress={() => navigate('rosterImport', {})}
          aria-label="导入员工名单"
        >
          导入员工名单
        </ActionButton>
        <ActionButton size="small" onPress={() => navigate('rosterAssess', {})} aria-label="名单积分测算">
          名单积分测算
        </ActionButton>
        <ActionButton size="small" onPress={() => navigate('rosterBoard', {})} aria-label="代办看板">
          代办看板
        </ActionButton>
      </View>
      {props.employees.length === 0 ? <Text className="flows-muted">暂无已生效委托的员工。</Text> : null}
      {props.employees.map((s) => (
        <SubjectRow key={s.personId} subject={s} />
      ))}
      {props.asAgent
        .filter((e) => e.status !== 'active')
        .map((e) => (
          <Row key={e.entrustmentId} label={e.employee?.name ?? '员工'}>
            <StateBadge tone={e.status === 'pending' ? 'wait' : 'off'} text={`委托${ENT_STATUS[e.status]}`} />
            <Text className="flows-muted">{e.employee?.idNumber}</Text>
          </Row>
        ))}
      <View className="flows-actions">
        <ActionButton
          block
          fill="outline"
          onPress={() => setOpen(!open)}
          aria-expanded={open}
          aria-label={open ? '收起' : '新增员工委托'}
        >
          {open ? '收起' : '新增员工委托'}
        </ActionButton>
      </View>
      {open ? <NewEntrustmentForm run={props.run} busy={props.busy} onDone={() => setOpen(false)} /> : null}
    </Section>
  );
}
