// 我的代办: an employer agent's employees (entrustment upload, batch self-assessment, apply for each) and a
// guardian's wards (add a minor / an elderly or disabled relative, apply for them). Choosing "为其申请" sets the
// app-wide actingFor, so every page shows the banner and sends `onBehalfOf`. ID numbers arrive masked.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Checkbox, Input, Radio } from '../../../components/Form';
import { EDUCATION_LABELS, RELATION_LABELS as SHARED_RELATION_LABELS, type AddDependentInput } from '@hz-points/shared';
import type { z } from 'zod';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { navigate } from '../../../routes';
import { call } from '../../apply/common/api';
import { EvidencePicker, type EvidenceFile } from '../../apply/common/EvidencePicker';
import { applicationRoundYear, useNow } from '../../apply/common/now';
import type { Subject } from '../../apply/common/types';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { EMPTY_QUICK, quickScore, type QuickProfile } from './assess';

type Relation = z.input<typeof AddDependentInput>['relation'];

/** The relations a guardian or close relative may record, named by the rules package. */
export const RELATION_LABELS: Record<Relation, string> = SHARED_RELATION_LABELS;

interface EntrustmentView {
  entrustmentId: string;
  status: 'pending' | 'active' | 'revoked';
  employerName: string;
  agent: { name: string; idNumber: string } | null;
  employee: { name: string; idNumber: string } | null;
  createdAt: string;
}

const ENT_STATUS = { pending: '待确认', active: '有效', revoked: '已撤销' } as const;

export default function AgentPage() {
  const session = useSession();
  const now = useNow();
  const roundYear = applicationRoundYear(now);
  const [subjects, setSubjects] = useState<Subject[] | null>(null);
  const [ents, setEnts] = useState<{ asEmployee: EntrustmentView[]; asAgent: EntrustmentView[] }>({ asEmployee: [], asAgent: [] });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // New entrustment
  const [showEnt, setShowEnt] = useState(false);
  const [empName, setEmpName] = useState('');
  const [empId, setEmpId] = useState('');
  const [employer, setEmployer] = useState('');
  const [entFile, setEntFile] = useState<EvidenceFile[]>([]);
  const [empIdFile, setEmpIdFile] = useState<EvidenceFile[]>([]);
  const [agentIdFile, setAgentIdFile] = useState<EvidenceFile[]>([]);
  // New dependent
  const [showDep, setShowDep] = useState(false);
  const [depName, setDepName] = useState('');
  const [depId, setDepId] = useState('');
  const [relation, setRelation] = useState<Relation>('guardian');
  const [disabled, setDisabled] = useState(false);
  const [unable, setUnable] = useState(false);
  const [actorIdFile, setActorIdFile] = useState<EvidenceFile[]>([]);
  const [subjectIdFile, setSubjectIdFile] = useState<EvidenceFile[]>([]);
  // Batch self-assessment
  const [quick, setQuick] = useState<Record<string, QuickProfile>>({});

  const load = useCallback(async () => {
    const [s, e] = await Promise.all([
      call<{ subjects: Subject[] }, 'accounts', 'listSubjects'>('accounts', 'listSubjects', {}),
      call<{ asEmployee: EntrustmentView[]; asAgent: EntrustmentView[] }, 'accounts', 'listEntrustments'>('accounts', 'listEntrustments', {}),
    ]);
    if (!s.ok) {
      setError(s.error.message);
      setSubjects([]);
    } else setSubjects(s.data.subjects);
    if (e.ok) setEnts(e.data);
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  function actFor(s: Subject, then: 'applyForm' | 'applyProgress' | 'certificate' | 'settle') {
    const relationLabel = s.kind === 'employee' ? '单位委托代办' : `${RELATION_LABELS[s.relation as Relation] ?? '亲属'}代办`;
    session.setActingFor({ personId: s.personId, name: s.name, relationLabel });
    navigate(then, {});
  }

  async function run<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: string) {
    setError(null);
    setNotice(null);
    setBusy(true);
    const res = await p;
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return false;
    }
    setNotice(done);
    load();
    return true;
  }

  async function createEntrustment() {
    if (!entFile[0] || !empIdFile[0] || !agentIdFile[0]) return setError('请上传委托书和双方身份证件');
    const ok = await run(
      call('accounts', 'createEntrustment', {
        employeeName: empName.trim(),
        employeeIdNumber: empId.trim(),
        employerName: employer.trim(),
        entrustmentFileId: entFile[0].fileId,
        employeeIdentityFileId: empIdFile[0].fileId,
        agentIdentityFileId: agentIdFile[0].fileId,
      }),
      '委托已提交，待员工本人在小程序中确认（或到区积分受理点核验纸质委托书）后生效',
    );
    if (ok) {
      setShowEnt(false);
      setEmpName('');
      setEmpId('');
      setEntFile([]);
      setEmpIdFile([]);
      setAgentIdFile([]);
    }
  }

  async function addDependent() {
    if (!actorIdFile[0] || !subjectIdFile[0]) return setError('请上传本人和被代办人的身份证件');
    const ok = await run(
      call('accounts', 'addDependent', {
        name: depName.trim(),
        idNumber: depId.trim(),
        relation,
        ...(disabled ? { disabled } : {}),
        ...(unable ? { unableToActInPerson: unable } : {}),
        actorIdentityFileId: actorIdFile[0].fileId,
        subjectIdentityFileId: subjectIdFile[0].fileId,
      }),
      `已添加${depName.trim()}`,
    );
    if (ok) {
      setShowDep(false);
      setDepName('');
      setDepId('');
      setActorIdFile([]);
      setSubjectIdFile([]);
    }
  }

  if (!subjects) {
    return (
      <PageShell title="我的代办">
        {error ? <ErrorNotice message={error} /> : <Loading />}
      </PageShell>
    );
  }

  const employees = subjects.filter((s) => s.kind === 'employee');
  const wards = subjects.filter((s) => s.kind === 'dependent');

  const subjectRow = (s: Subject) => (
    <View key={s.personId} className="flows-item" aria-label={`${s.name}，${s.allowed ? '可代办' : '不可代办'}`}>
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
        <View className="flows-evidence__actions" style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '8px' }}>
          <Button size="small" type="primary" onClick={() => actFor(s, 'applyForm')} aria-label={`为${s.name}申请积分`}>
            为其申请
          </Button>
          <Button size="small" onClick={() => actFor(s, 'applyProgress')} aria-label={`查询${s.name}的积分`}>
            查询进度
          </Button>
          <Button size="small" onClick={() => actFor(s, 'settle')} aria-label={`为${s.name}申请落户`}>
            落户申请
          </Button>
        </View>
      ) : (
        <View className="flows-item__meta">
          <Text>
            {s.kind === 'dependent'
              ? '仅可为16周岁以下未成年人、老年人或残疾人代办。'
              : '委托未生效或已失效。'}
          </Text>
        </View>
      )}
    </View>
  );

  const employeesSection = (
    <React.Fragment key="employees">
      <Section title={`单位员工（${employees.length}人）`}>
        {/* A whole workforce at once: roster import, batch assessment and the status board (roster function). */}
        <View className="flows-evidence__actions" style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', marginBottom: '8px' }}>
          <Button size="small" type="primary" onClick={() => navigate('rosterImport', {})}>
            导入员工名单
          </Button>
          <Button size="small" onClick={() => navigate('rosterAssess', {})}>
            名单积分测算
          </Button>
          <Button size="small" onClick={() => navigate('rosterBoard', {})}>
            代办看板
          </Button>
        </View>
        {employees.length === 0 ? <Text className="flows-muted">暂无已生效委托的员工。</Text> : null}
        {employees.map(subjectRow)}
        {ents.asAgent.filter((e) => e.status !== 'active').map((e) => (
          <Row key={e.entrustmentId} label={e.employee?.name ?? '员工'}>
            <StateBadge tone={e.status === 'pending' ? 'wait' : 'off'} text={`委托${ENT_STATUS[e.status]}`} />
            <Text className="flows-muted">{e.employee?.idNumber}</Text>
          </Row>
        ))}
        <View className="flows-actions">
          <Button block fill="outline" onClick={() => setShowEnt(!showEnt)} aria-expanded={showEnt}>
            {showEnt ? '收起' : '新增员工委托'}
          </Button>
        </View>
        {showEnt ? (
          <View>
            <Text className="flows-label">员工姓名</Text>
            <Input className="flows-input" value={empName} onChange={setEmpName} aria-label="员工姓名" placeholder="与身份证一致" />
            <Text className="flows-label">员工身份证号码</Text>
            <Input className="flows-input" value={empId} onChange={setEmpId} aria-label="员工身份证号码" maxLength={18} />
            <Text className="flows-label">单位名称</Text>
            <Input className="flows-input" value={employer} onChange={setEmployer} aria-label="单位名称" />
            <EvidencePicker label="书面委托书" purpose="entrustment" max={1} value={entFile} onChange={setEntFile} />
            <EvidencePicker label="员工身份证件" purpose="identity" max={1} value={empIdFile} onChange={setEmpIdFile} />
            <EvidencePicker label="经办人身份证件" purpose="identity" max={1} value={agentIdFile} onChange={setAgentIdFile} />
            <View className="flows-actions">
              <Button type="primary" block disabled={busy} onClick={createEntrustment}>
                提交委托
              </Button>
            </View>
          </View>
        ) : null}
      </Section>

      {employees.length > 0 ? (
        <Section title={`批量自评（${roundYear}年度）`}>
          <Text className="flows-muted">按政策规则估算，仅供参考，以审核结果为准；不会上传。</Text>
          {employees.map((s) => {
            const q = quick[s.personId] ?? EMPTY_QUICK;
            const set = (patch: Partial<QuickProfile>) => setQuick((all) => ({ ...all, [s.personId]: { ...q, ...patch } }));
            const score = q.birthDate ? quickScore(q, roundYear) : null;
            return (
              <View key={s.personId} className="flows-item">
                <Text className="flows-item__title">{s.name}</Text>
                <Text className="flows-label">出生日期</Text>
                <Input className="flows-input" value={q.birthDate} onChange={(v) => set({ birthDate: v })} placeholder="如1995-06-01" aria-label={`${s.name}的出生日期`} />
                <Text className="flows-label">文化程度</Text>
                <Radio.Group value={q.education} onChange={(v) => set({ education: String(v) })} direction="horizontal" aria-label={`${s.name}的文化程度`}>
                  {(['junior-college', 'bachelor', 'master', 'doctor'] as const).map((k) => (
                    <Radio key={k} value={k}>
                      {EDUCATION_LABELS[k]}
                    </Radio>
                  ))}
                </Radio.Group>
                <Text className="flows-label">社保缴纳月数</Text>
                <Input className="flows-input" type="number" value={q.socialInsuranceMonths} onChange={(v) => set({ socialInsuranceMonths: v })} placeholder="市区缴纳，不含补缴" aria-label={`${s.name}的社保缴纳月数`} />
                <Text className="flows-label">居住登记年数</Text>
                <Input className="flows-input" type="number" value={q.residenceRegistrationYears} onChange={(v) => set({ residenceRegistrationYears: v })} placeholder="如4" aria-label={`${s.name}的居住登记年数`} />
                <Text className="flows-label">住房</Text>
                <Radio.Group value={q.housing} onChange={(v) => set({ housing: v as QuickProfile['housing'] })} direction="horizontal" aria-label={`${s.name}的住房`}>
                  <Radio value="rent">租房</Radio>
                  <Radio value="own">自有住房</Radio>
                  <Radio value="none">其他</Radio>
                </Radio.Group>
                {q.housing === 'rent' ? (
                  <>
                    <Text className="flows-label">合法租赁年数</Text>
                    <Input className="flows-input" type="number" value={q.rentalYears} onChange={(v) => set({ rentalYears: v })} placeholder="如4" aria-label={`${s.name}的合法租赁年数`} />
                  </>
                ) : null}
                <View className="flows-item__meta" aria-live="polite">
                  {score === null ? <Text>填写出生日期后显示估算分</Text> : null}
                  {score && !score.ok ? <Text>{score.message}</Text> : null}
                  {score && score.ok ? (
                    <Text>
                      估算积分：{score.total === null ? '存在一票否决情形' : `${score.total}分`}
                      {score.total !== null && score.total >= 100 ? '（达到100分）' : ''}
                    </Text>
                  ) : null}
                </View>
              </View>
            );
          })}
        </Section>
      ) : null}

    </React.Fragment>
  );

  const wardsSection = (
    <React.Fragment key="wards">
      <Section title={`被监护人/亲属（${wards.length}人）`}>
        {wards.length === 0 ? <Text className="flows-muted">暂无。可为没有微信的未成年子女、老人或残疾亲属代办。</Text> : null}
        {wards.map(subjectRow)}
        <View className="flows-actions">
          <Button block fill="outline" onClick={() => setShowDep(!showDep)} aria-expanded={showDep}>
            {showDep ? '收起' : '添加被监护人/亲属'}
          </Button>
        </View>
        {showDep ? (
          <View>
            <Text className="flows-label">姓名</Text>
            <Input className="flows-input" value={depName} onChange={setDepName} aria-label="被代办人姓名" />
            <Text className="flows-label">身份证号码</Text>
            <Input className="flows-input" value={depId} onChange={setDepId} aria-label="被代办人身份证号码" maxLength={18} />
            <Text className="flows-label">我是其</Text>
            <Radio.Group value={relation} onChange={(v) => setRelation(v as Relation)} direction="vertical" aria-label="与被代办人的关系">
              {(Object.keys(RELATION_LABELS) as Relation[]).map((r) => (
                <Radio key={r} value={r}>
                  {RELATION_LABELS[r]}
                </Radio>
              ))}
            </Radio.Group>
            <Checkbox checked={disabled} onChange={setDisabled} label="被代办人为残疾人" aria-label="被代办人为残疾人" />
            <Checkbox checked={unable} onChange={setUnable} label="被代办人行动不便，不能亲自办理" aria-label="被代办人不能亲自办理" />
            <EvidencePicker label="本人身份证件" purpose="identity" max={1} value={actorIdFile} onChange={setActorIdFile} />
            <EvidencePicker label="被代办人身份证件（户口簿）" purpose="identity" max={1} value={subjectIdFile} onChange={setSubjectIdFile} />
            <View className="flows-actions">
              <Button type="primary" block disabled={busy} onClick={addDependent}>
                添加
              </Button>
            </View>
          </View>
        ) : null}
      </Section>

    </React.Fragment>
  );

  // A guardian without employees sees their wards first.
  return (
    <PageShell title="我的代办">
      <InfoNotice>
        代办须有书面委托（用人单位）或监护、近亲属关系（16周岁以下未成年人、老年人、残疾人）。代办期间页面顶部会一直提示正在为谁办理。
      </InfoNotice>
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <ErrorNotice message={error} />

      {employees.length === 0 && wards.length > 0 ? [wardsSection, employeesSection] : [employeesSection, wardsSection]}

      {ents.asEmployee.length > 0 ? (
        <Section title="委托我的单位">
          {ents.asEmployee.map((e) => (
            <View key={e.entrustmentId} className="flows-item">
              <View className="flows-item__head">
                <Text className="flows-item__title">{e.employerName}</Text>
                <StateBadge tone={e.status === 'active' ? 'done' : e.status === 'pending' ? 'wait' : 'off'} text={ENT_STATUS[e.status]} />
              </View>
              <View className="flows-item__meta">
                <Text>经办人：{e.agent?.name}（{e.agent?.idNumber}）</Text>
              </View>
              <View className="flows-evidence__actions" style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
                {e.status === 'pending' ? (
                  <Button size="small" type="primary" disabled={busy} onClick={() => run(call('accounts', 'confirmEntrustment', { entrustmentId: e.entrustmentId }), '已确认委托')}>
                    确认委托
                  </Button>
                ) : null}
                {e.status !== 'revoked' ? (
                  <Button size="small" disabled={busy} onClick={() => run(call('accounts', 'revokeEntrustment', { entrustmentId: e.entrustmentId }), '已撤销委托，立即生效')}>
                    撤销委托
                  </Button>
                ) : null}
              </View>
            </View>
          ))}
        </Section>
      ) : null}
    </PageShell>
  );
}
