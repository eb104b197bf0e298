// 我的代办: an employer agent's employees (entrustment upload, batch self-assessment, apply for each) and a
// guardian's wards (add a minor / an elderly or disabled relative, apply for them); an employee sees and confirms or
// revokes the entrustments naming them. Choosing "为其申请" sets the app-wide actingFor (SubjectRow). ID numbers
// arrive masked. Each part is its own component; this page only orders them.
import { DELEGATION_RULES } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { applicationRoundYear, useNow } from '../../apply/common/now';
import { ErrorNotice, InfoNotice, Loading } from '../../apply/common/ui';
import { BatchAssess } from './BatchAssess';
import { EmployeesSection } from './EmployeesSection';
import { MyEmployers } from './MyEmployers';
import { useAgentData } from './useAgentData';
import { WardsSection } from './WardsSection';

export { RELATION_LABELS } from './model';

export default function AgentPage() {
  const now = useNow();
  const roundYear = applicationRoundYear(now);
  const data = useAgentData();

  if (!data.subjects) {
    return (
      <PageShell title="我的代办">{data.loadError ? <ErrorNotice message={data.loadError} /> : <Loading />}</PageShell>
    );
  }

  const employees = data.subjects.filter((s) => s.kind === 'employee');
  const wards = data.subjects.filter((s) => s.kind === 'dependent');
  const employeesPart = [
    <EmployeesSection
      key="employees"
      employees={employees}
      asAgent={data.ents.asAgent}
      run={data.run}
      busy={data.busy}
    />,
    <BatchAssess key="assess" employees={employees} roundYear={roundYear} />,
  ];
  const wardsPart = [<WardsSection key="wards" wards={wards} run={data.run} busy={data.busy} />];

  // A guardian without employees sees their wards first.
  return (
    <PageShell title="我的代办">
      <InfoNotice>
        代办须有书面委托（用人单位）或监护、近亲属关系（{DELEGATION_RULES.minorMaxAgeExclusive}
        周岁以下未成年人、老年人、残疾人）。代办期间页面顶部会一直提示正在为谁办理。
      </InfoNotice>
      {data.notice ? <InfoNotice>{data.notice}</InfoNotice> : null}
      <ErrorNotice message={data.loadError} />
      {employees.length === 0 && wards.length > 0 ? [...wardsPart, ...employeesPart] : [...employeesPart, ...wardsPart]}
      <MyEmployers entrustments={data.ents.asEmployee} run={data.run} busy={data.busy} />
    </PageShell>
  );
}
