// Which application a page about "my application" shows: the one named in its query, else the latest submitted
// one of the person (or of the person acted for). Shared by 积分查询 and 异议申请.
import { call, type Result } from './api';

/** `null` when the person has no submitted application (drafts do not count). */
export async function resolveApplicationId(
  fromQuery: string | undefined,
  onBehalfOf?: string,
): Promise<Result<string | null>> {
  if (fromQuery) return { ok: true, data: fromQuery };
  const list = await call('applications', 'list', onBehalfOf ? { onBehalfOf } : {});
  if (!list.ok) return list;
  const latest = [...list.data.applications].filter((a) => a.status !== 'draft').sort((a, b) => b.year - a.year)[0];
  return { ok: true, data: latest?.applicationId ?? null };
}
