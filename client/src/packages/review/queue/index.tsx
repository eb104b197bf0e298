// 审核队列 (reviewers): the items of the reviewer's own department, applicant masked, each with the working days
// left before its result date. Open an item to confirm its value (fields of the indicator's claim schema, prefilled
// with the declaration) and approve, mark as 审核中 or return; items the department confirms from its own records
// (age, deductions, veto) can also be approved per applicant in one action after a confirmation listing them.
// The server scopes the queue to the caller's department, read from the account at each call
// (cloudfunctions/test/domain/review-scope.test.ts): the page shows what it answers, without a second filter.
// Errors sit beside what they concern: a list that cannot be loaded under the tabs, a field's under the field, a
// refused decision beside the buttons that sent it (components/Form).
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { DEPARTMENT_LABELS } from '@hz-points/shared';
import { FieldError, useFormErrors } from '../../../components/Form';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { call } from '../../apply/common/api';
import { indicatorLabel } from '../../apply/common/claims';
import { EvidenceFiles } from '../../apply/common/EvidenceFiles';
import { useNow } from '../../apply/common/now';
import type { ItemStatus, QueueItemView } from '@hz-points/shared';
import { FlowsToast, InfoNotice, Loading, Row, Section, StateBadge, toast } from '../../apply/common/ui';
import { ActionButton } from '../common/ActionButton';
import { describeDaysLeft } from './daysLeft';
import { describeRecorded, isOwnRecord } from './decision';
import { DecisionPanel, type Decision } from './DecisionPanel';
import { OwnRecordBatch } from './OwnRecordBatch';

/** An item of review.queue: with its application's year, result date (null while the year's holidays are unknown)
 * and applicant (masked). */
type QueueItem = QueueItemView;

/** One wording per status for the tab and the badge of the items under it. */
const QUEUE_STATUS: Record<ItemStatus, { title: string; tone: 'done' | 'wait' | 'back' }> = {
  pending: { title: '待审核', tone: 'wait' },
  reviewing: { title: '审核中', tone: 'wait' },
  returned: { title: '已退回', tone: 'back' },
  approved: { title: '已完成', tone: 'done' },
};
const FILTERS: ItemStatus[] = ['pending', 'reviewing', 'returned', 'approved'];

const DONE_TEXT: Record<Decision, string> = { approved: '审核通过', returned: '退回', reviewing: '标记为审核中' };

export default function ReviewQueuePage() {
  const session = useSession();
  const department = session.me?.roles.find((r) => r.role === 'reviewer')?.department;
  const now = useNow();
  const [filter, setFilter] = useState<ItemStatus>('pending');
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const errors = useFormErrors();
  const { fail, clear } = errors;
  const [notice, setNotice] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async () => {
    clear('list');
    const res = await call('review', 'queue', { status: filter, limit: 50 });
    if (!res.ok) {
      fail('list', res.error.message);
      setItems([]);
    } else setItems(res.data.items);
  }, [filter, fail, clear]);

  useEffect(() => {
    load();
  }, [load]);

  /** Own-record items still to decide, by application (one batch per applicant). */
  const batches = useMemo(() => {
    const out = new Map<string, QueueItem[]>();
    for (const i of items ?? []) {
      if (!i.applicationId || !isOwnRecord(i.indicator) || (i.status !== 'pending' && i.status !== 'reviewing'))
        continue;
      out.set(i.applicationId, [...(out.get(i.applicationId) ?? []), i]);
    }
    return [...out.entries()];
  }, [items]);

  function decided(item: QueueItem, decision: Decision) {
    setOpenId(null);
    setNotice(`${indicatorLabel(item.indicator)}（${item.applicant?.name ?? ''}）：已${DONE_TEXT[decision]}`);
    toast(`已${DONE_TEXT[decision]}`);
    load();
  }

  return (
    <PageShell title="审核队列">
      <FlowsToast />
      <InfoNotice>
        {department
          ? `${DEPARTMENT_LABELS[department as keyof typeof DEPARTMENT_LABELS] ?? department}审核员：仅显示本部门负责的指标。`
          : '仅审核员可使用。'}
      </InfoNotice>
      <Tabs value={filter} onChange={(v) => setFilter(v as ItemStatus)} aria-label="按状态筛选">
        {FILTERS.map((f) => (
          <Tabs.TabPane key={f} value={f} title={QUEUE_STATUS[f].title} />
        ))}
      </Tabs>
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <FieldError form={errors} name="list" />
      {items === null ? <Loading /> : null}
      {items && items.length === 0 && !errors.errors.list ? <InfoNotice>当前没有该状态的审核事项。</InfoNotice> : null}

      {batches.map(([applicationId, group]) => (
        <OwnRecordBatch
          key={`${applicationId}-${group.length}`}
          applicationId={applicationId}
          applicantName={group[0]?.applicant?.name ?? '申请人'}
          items={group}
          onDone={(n) => {
            setOpenId(null);
            setNotice(`${group[0]?.applicant?.name ?? '申请人'}：本部门记录核查事项${n}项已审核通过`);
            toast(`已审核通过${n}项`);
            load();
          }}
        />
      ))}

      {items?.map((item) => (
        <Section
          key={item.itemId}
          title={`${indicatorLabel(item.indicator)} · ${item.applicant?.name ?? '申请人'}`}
          extra={<StateBadge tone={QUEUE_STATUS[item.status].tone} text={QUEUE_STATUS[item.status].title} />}
        >
          <Row label="申请人">
            <Text>
              {item.applicant?.name ?? '—'}（{item.applicant?.idNumber ?? '—'}）
            </Text>
          </Row>
          <Row label="年度">{item.year ?? '—'}</Row>
          {item.status === 'pending' || item.status === 'reviewing' ? (
            <Row label="审核时限">{describeDaysLeft(item.resultDate, now)}</Row>
          ) : null}
          <Row label="申报内容">{item.claimed ? describeRecorded(item.indicator, item.claimed) : '—'}</Row>
          {item.returnReason ? <Row label="退回原因">{item.returnReason}</Row> : null}
          <Row label="证明材料">
            <EvidenceFiles fileIds={item.evidence} />
          </Row>
          {openId === item.itemId ? (
            <DecisionPanel item={item} onDecided={(d) => decided(item, d)} onClose={() => setOpenId(null)} />
          ) : (
            <View className="flows-actions">
              <ActionButton
                type="primary"
                block
                onPress={() => {
                  setNotice(null);
                  setOpenId(item.itemId);
                }}
                aria-label={`审核${indicatorLabel(item.indicator)}`}
              >
                审核
              </ActionButton>
            </View>
          )}
        </Section>
      ))}
    </PageShell>
  );
}
