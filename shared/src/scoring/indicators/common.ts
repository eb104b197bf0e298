// Citations, key dates and texts that several indicators' data share, written once (a minifier does not merge
// equal string literals). R2023 = 杭政办函〔2023〕33号; FAQ2021 = the 2021 Q&A on the revised 管理办法.
import type { Citation } from '../types';

export const R2023_4: Citation = { doc: 'R2023', clause: '二(四)' };
export const FAQ_Q3: Citation = { doc: 'FAQ2021', clause: 'Q3' };
export const FAQ_Q5: Citation = { doc: 'FAQ2021', clause: 'Q5' };
export const publicCopy = (description: string): Citation => ({ doc: 'public-copy', description });
export const TABLE_COPY = publicCopy('《杭州市居住证积分指标及分值表》公开转载版本（多份一致）');
export const TABLE_COPY_CONFLICT = publicCopy('《杭州市居住证积分指标及分值表》公开转载版本（各版本不一致）');
export const VETO_NOTE_COPY = publicCopy(
  '《杭州市居住证积分管理指标体系（试行）》公开转载，注1（严重刑事犯罪的范围；仅见一份）',
);

export const CHECKED_BY_PUBLIC_SECURITY = '由公安部门数据核查，申请人无需提交';
export const FROM_PUBLIC_COPY = '分值来自公开转载。';
export const SUPERSEDED_2021 = '2021年修订前的分值（已被取代）。';

/** R2023 takes effect on this day (R2023 结尾：本意见自2023年5月8日起施行). */
export const R2023_IN_FORCE = '2023-05-08';
/**
 * The 2021 revision of the 管理办法 applies to rounds whose cut-off date is on or after this day. FAQ2021 Q5 scores
 * the 2021 second-half round (cut-off 2021-10-01) "根据新《办法》"; the revision's own effective date is not in
 * our sources, so earlier cut-offs use the superseded values.
 */
export const REVISION_2021_FROM = '2021-10-01';
/** Public copies: the own-home indicator was raised to 80 points (and restricted to the applicant's own home). */
export const OWN_HOME_80_FROM = '2024-07-01';

/** Applies wherever a value had to be chosen: we take the lower reading so an estimate never over-promises. */
export const LOWER_READING_PRINCIPLE =
  '来源缺失或互相矛盾时，取较低的读法，以免自评结果高于审核结果；其他读法保留在数据中。';
