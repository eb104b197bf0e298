// 审核队列 (reviewers): the items of the reviewer's own department, applicant masked; view the evidence, then
// approve (with the accepted value, defaulting to the claim), mark as 审核中, or return with a reason.
import React, { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Tabs } from '@nutui/nutui-react-taro';
import { TextArea } from '../../../components/Form';
import { DEPARTMENT_LABELS, type IndicatorCode } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { useSession } from '../../../services/session';
import { call } from '../../apply/common/api';
import { ClaimFields } from '../../apply/common/ClaimFields';
import { claimFormFromValue, describeValue, indicatorLabel, toClaimValue, type ClaimForm } from '../../apply/common/claims';
import { EvidenceFiles } from '../../apply/common/EvidenceFiles';
import type { Item, ItemStatus } from '../../apply/common/types';
import { ErrorNotice, FlowsToast, InfoNotice, Loading, Row, Section, StatusBadge, toast } from '../../apply/common/ui';

type QueueItem = Item & { applicant?: { name?: string; idNumber?: string } | null; year?: number };

const FILTERS: { key: ItemStatus | 'all'; title: string }[] = [
  { key: 'pending', title: '待审核' },
  { key: 'reviewing', title: '审核中' },
  { key: 'returned', title: '已退回' },
  { key: 'approved', title: '已完成' },
];

export default function ReviewQueuePage() {
  const session = useSession();
  const department = session.me?.roles.find((r) => r.role === 'reviewer')?.department;
  const [filter, setFilter] = useState<ItemStatus>('pending');
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<QueueItem | null>(null);
  const [form, setForm] = useState<ClaimForm>({});
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    const res = await call<{ items: QueueItem[] }, 'review', 'queue'>('review', 'queue', { status: filter, limit: 50 });
    if (!res.ok) {
      setError(res.error.message);
      setItems([]);
      // The server already answers only the caller's department; the page never shows another department's item
      // even if an older server (or a role change mid-session) sent one.
    } else setItems(res.data.items.filter((i) => !department || i.department === department));
  }, [filter, department]);

  useEffect(() => {
    load();
  }, [load]);

  function select(item: QueueItem) {
    setNotice(null);
    setError(null);
    setOpen(item);
    setForm(claimFormFromValue(item.indicator, item.acceptedValue ?? item.claimed ?? {}));
  }

  async function decide(decision: 'approved' | 'reviewing' | 'returned') {
    if (!open || sending) return;
    setError(null);
    let payload;
    if (decision === 'approved') {
      const v = toClaimValue(open.indicator as IndicatorCode, form);
      if (!v.ok) return setError(v.message);
      payload = { itemId: open.itemId, decision, acceptedValue: v.value } as const;
    } else if (decision === 'returned') {
      payload = { itemId: open.itemId, decision, reason: reason.trim() } as const;
    } else payload = { itemId: open.itemId, decision } as const;
    setSending(true);
    const res = await call<{ item: Item }, 'review', 'decide'>('review', 'decide', payload);
    setSending(false);
    if (!res.ok) return setError(res.error.message);
    setReturning(false);
    setReason('');
    setOpen(null);
    const done = decision === 'approved' ? '审核通过' : decision === 'returned' ? '退回' : '标记为审核中';
    setNotice(`${indicatorLabel(open.indicator)}（${open.applicant?.name ?? ''}）：已${done}`);
    toast(`已${done}`);
    load();
  }

  return (
    <PageShell title="审核队列">
      <FlowsToast />
      <InfoNotice>
        {department ? `${DEPARTMENT_LABELS[department as keyof typeof DEPARTMENT_LABELS] ?? department}审核员：仅显示本部门负责的指标。` : '仅审核员可使用。'}
      </InfoNotice>
      <Tabs value={filter} onChange={(v) => setFilter(v as ItemStatus)} aria-label="按状态筛选">
        {FILTERS.map((f) => (
          <Tabs.TabPane key={f.key} value={f.key} title={f.title} />
        ))}
      </Tabs>
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <ErrorNotice message={error} />
      {items === null ? <Loading /> : null}
      {items && items.length === 0 && !error ? <InfoNotice>当前没有该状态的审核事项。</InfoNotice> : null}

      {items?.map((item) => (
        <Section
          key={item.itemId}
          title={`${indicatorLabel(item.indicator)} · ${item.applicant?.name ?? '申请人'}`}
          extra={<StatusBadge status={item.status} />}
        >
          <Row label="申请人">
            <Text>
              {item.applicant?.name ?? '—'}（{item.applicant?.idNumber ?? '—'}）
            </Text>
          </Row>
          <Row label="年度">{item.year ?? '—'}</Row>
          <Row label="申报内容">{describeValue(item.indicator, item.claimed ?? null)}</Row>
          {item.returnReason ? <Row label="退回原因">{item.returnReason}</Row> : null}
          <Row label="证明材料">
            <EvidenceFiles fileIds={item.evidence} />
          </Row>
          {open?.itemId === item.itemId ? (
            <View className="flows-decide">
              <Text className="flows-label">认定内容（默认按申报内容，可修改）</Text>
              <ClaimFields code={item.indicator} form={form} onChange={setForm} />
              <View className="flows-actions">
                <Button type="primary" block disabled={sending} onClick={() => decide('approved')} aria-label="审核通过">
                  审核通过
                </Button>
                <Button block disabled={sending} onClick={() => decide('reviewing')} aria-label="标记为审核中">
                  标记为审核中（需核实）
                </Button>
                <Button block type="danger" fill="outline" disabled={sending} onClick={() => setReturning(true)} aria-label="退回">
                  退回
                </Button>
                <Button block fill="none" onClick={() => setOpen(null)}>
                  收起
                </Button>
              </View>
            </View>
          ) : (
            <View className="flows-actions">
              <Button type="primary" block onClick={() => select(item)} aria-label={`审核${indicatorLabel(item.indicator)}`}>
                审核
              </Button>
            </View>
          )}
        </Section>
      ))}

      <Dialog
        visible={returning}
        title="退回原因"
        confirmText={sending ? '正在提交…' : '确认退回'}
        cancelText="取消"
        disableConfirmButton={sending || reason.trim().length < 2}
        onConfirm={() => decide('returned')}
        onCancel={() => setReturning(false)}
        onClose={() => setReturning(false)}
      >
        <TextArea
          value={reason}
          onChange={setReason}
          maxLength={500}
          showCount
          placeholder="请写明退回原因和需补充的材料（申请人可见）"
          aria-label="退回原因"
        />
      </Dialog>
    </PageShell>
  );
}
