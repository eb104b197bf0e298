// 工作人员角色 (administrator): grant reviewer (with its department), district office or administrator to a person
// found by their registered name and ID number (looked up by accounts.findStaffCandidate: nobody types an openid),
// list the staff and revoke a role after a confirmation, and read the trail of changes with ID numbers masked.
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import {
  DEPARTMENT_CODES,
  FindStaffCandidateInput,
  GrantStaffRoleInput,
  ListStaffInput,
  RevokeStaffRoleInput,
  RoleHistoryInput,
  type DepartmentCode,
  type StaffCandidate,
} from '@hz-points/shared';
import { Input, Radio } from '../../../components/Form';
import { IdNumberInput } from '../../../components/IdNumberField';
import { PageShell } from '../../../components/PageShell';
import { hasRole, useSession } from '../../../services/session';
import { callChecked } from '../../apply/common/api';
import { ErrorNotice, InfoNotice, Loading, Row, Section } from '../../apply/common/ui';
import { ActionButton } from '../../review/common/ActionButton';
import {
  ROLE_DUTIES,
  ROLE_LABELS,
  departmentLabel,
  formatInstant,
  historyText,
  roleText,
  whoText,
  type HistoryEntry,
  type StaffRole,
  type StaffRow,
} from './view';

/** accounts.findStaffCandidate's answer. */
type Candidate = StaffCandidate;

const ROLES: StaffRole[] = ['reviewer', 'district-office', 'admin'];

function currentRoles(roles: StaffRole[], department: DepartmentCode | null): string {
  return roles.length === 0 ? '无（普通申请人）' : roles.map((r) => roleText(r, department)).join('、');
}

/** Find a person by name + ID number, choose a role (and a department for a reviewer), grant. */
function GrantForm(props: { onGranted: (message: string) => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [role, setRole] = useState<StaffRole>('reviewer');
  const [department, setDepartment] = useState<DepartmentCode | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function find() {
    if (busy) return;
    setError(null);
    setCandidate(null);
    setBusy(true);
    const res = await callChecked(FindStaffCandidateInput, 'accounts', 'findStaffCandidate', {
      name: name.trim(),
      idNumber: idNumber.trim().toUpperCase(),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setCandidate(res.data.candidate);
  }

  async function grant() {
    if (busy || !candidate) return;
    setError(null);
    if (role === 'reviewer' && !department) return setError('请选择审核部门');
    setBusy(true);
    const payload =
      role === 'reviewer' ? { personId: candidate.personId, role, department } : { personId: candidate.personId, role };
    const res = await callChecked(GrantStaffRoleInput, 'accounts', 'grantStaffRole', payload);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    props.onGranted(
      `已为${candidate.name}授予${roleText(role, role === 'reviewer' ? (department as DepartmentCode) : null)}角色`,
    );
    setCandidate(null);
    setName('');
    setIdNumber('');
    setDepartment('');
  }

  return (
    <Section title="授予角色">
      <Text className="flows-muted">按本人实名登记的姓名和身份证号码查找。对方须已用本人微信完成实名登记。</Text>
      <Text className="flows-label">姓名</Text>
      <Input
        className="flows-input"
        value={name}
        onChange={setName}
        aria-label="姓名"
        placeholder="与身份证一致"
        maxLength={30}
      />
      <Text className="flows-label">身份证号码</Text>
      <IdNumberInput value={idNumber} onChange={setIdNumber} aria-label="身份证号码" />
      {!candidate ? <ErrorNotice message={error} /> : null}
      <View className="flows-actions">
        <ActionButton block disabled={busy} onPress={find} aria-label="查找人员">
          查找人员
        </ActionButton>
      </View>
      {candidate ? (
        <View className="flows-answer">
          <Row label="姓名">{candidate.name}</Row>
          <Row label="身份证号码">{candidate.idNumber}</Row>
          <Row label="现有角色">{currentRoles(candidate.roles, candidate.department)}</Row>
          <Text className="flows-label">角色</Text>
          <Radio.Group value={role} onChange={(v) => setRole(v as StaffRole)} aria-label="角色">
            {ROLES.map((r) => (
              <Radio key={r} value={r}>
                {ROLE_LABELS[r]}
              </Radio>
            ))}
          </Radio.Group>
          <Text className="flows-muted">{`${ROLE_LABELS[role]}可以${ROLE_DUTIES[role]}。`}</Text>
          {role === 'reviewer' ? (
            <>
              <Text className="flows-label">审核部门</Text>
              <Radio.Group
                value={department}
                onChange={(v) => setDepartment(v as DepartmentCode)}
                aria-label="审核部门"
              >
                {DEPARTMENT_CODES.map((d) => (
                  <Radio key={d} value={d}>
                    {departmentLabel(d)}
                  </Radio>
                ))}
              </Radio.Group>
            </>
          ) : null}
          <ErrorNotice message={error} />
          <View className="flows-actions">
            <ActionButton type="primary" block disabled={busy} onPress={grant} aria-label="授予角色">
              授予角色
            </ActionButton>
          </View>
        </View>
      ) : null}
    </Section>
  );
}

export default function StaffRolesPage() {
  const { me } = useSession();
  const isAdmin = hasRole(me, 'admin');
  const [staff, setStaff] = useState<StaffRow[] | undefined>(undefined);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [pending, setPending] = useState<{ row: StaffRow; role: StaffRole } | null>(null);
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setListError(null);
    const [list, trail] = await Promise.all([
      callChecked(ListStaffInput, 'accounts', 'listStaff', {}),
      callChecked(RoleHistoryInput, 'accounts', 'roleHistory', { limit: 30 }),
    ]);
    if (!list.ok) {
      setListError(list.error.message);
      setStaff([]);
    } else setStaff(list.data.staff);
    setHistory(trail.ok ? trail.data.entries : []);
  }, []);

  useEffect(() => {
    if (isAdmin) load();
  }, [isAdmin, load]);

  async function revoke() {
    const target = pending;
    setPending(null);
    if (!target || busy) return;
    setError(null);
    setNotice(null);
    setBusy(true);
    const res = await callChecked(RevokeStaffRoleInput, 'accounts', 'revokeStaffRole', {
      staffId: target.row.staffId,
      role: target.role,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setNotice(`已撤销${whoText(target.row)}的${roleText(target.role, target.row.department)}角色`);
    load();
  }

  if (!isAdmin) {
    return (
      <PageShell title="工作人员角色">
        <Section title="工作人员角色">
          <Text className="flows-muted">仅管理员可使用：工作人员角色由管理员授予和撤销。</Text>
        </Section>
      </PageShell>
    );
  }

  return (
    <PageShell title="工作人员角色">
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <GrantForm
        onGranted={(message) => {
          setError(null);
          setNotice(message);
          load();
        }}
      />

      <Section title="现有工作人员">
        <ErrorNotice message={listError} />
        <ErrorNotice message={error} />
        {staff === undefined ? <Loading /> : null}
        {(staff ?? []).map((row) => (
          <View key={row.staffId} className="flows-item">
            <View className="flows-item__head">
              <Text className="flows-item__title">{whoText(row)}</Text>
              {row.isSelf ? <Text className="flows-muted">（本人）</Text> : null}
            </View>
            {row.roles.map((role) => (
              <Row key={role} label={roleText(role, row.department)}>
                {row.isSelf && role === 'admin' ? (
                  <Text className="flows-muted">本人的管理员角色须由其他管理员撤销</Text>
                ) : (
                  <ActionButton
                    size="small"
                    disabled={busy}
                    onPress={() => setPending({ row, role })}
                    aria-label={`撤销${row.name ?? '系统初始账号'}的${roleText(role, row.department)}角色`}
                  >
                    撤销
                  </ActionButton>
                )}
              </Row>
            ))}
          </View>
        ))}
      </Section>

      <Section title="操作记录">
        <Text className="flows-muted">最近30条角色授予和撤销记录，身份证号码已隐去中间位数。</Text>
        {history.length === 0 ? <Text className="flows-muted">暂无记录。</Text> : null}
        {history.map((e, i) => (
          <View key={`${e.at}-${i}`} className="flows-row">
            <Text className="flows-row__label">{formatInstant(e.at)}</Text>
            <View className="flows-row__value">
              <Text>{historyText(e)}</Text>
            </View>
          </View>
        ))}
      </Section>

      <Dialog
        visible={pending !== null}
        title="确认撤销角色"
        content={
          pending ? `撤销后，${whoText(pending.row)}将不能再${ROLE_DUTIES[pending.role]}。此操作将记入操作记录。` : ''
        }
        confirmText="确认撤销"
        cancelText="取消"
        onConfirm={revoke}
        onCancel={() => setPending(null)}
        onClose={() => setPending(null)}
      />
    </PageShell>
  );
}
