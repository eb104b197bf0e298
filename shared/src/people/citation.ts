/**
 * Where a rule comes from. `R2023` = 杭政办函〔2023〕33号 (in force 2023-05-08); `FAQ2021` = the 2021 Q&A on the
 * revised 《杭州市居住证积分管理办法》; `outside-source` = public material or our own convention, never verified.
 * `verified: true` only when one of the two source documents states the rule.
 */
export interface PolicyCitation {
  doc: 'R2023' | 'FAQ2021' | 'GB11643-1999' | 'outside-source';
  clause: string;
  verified: boolean;
  /**
   * Set on readings taken from a public copy (never on our own inferences): B = several copies agree, C = one copy.
   * The pathways page marks a condition that rests on such a reading, met or not.
   */
  confidence?: 'B' | 'C';
}
