// The one citation type of the rules package: where a rule, a value or a date comes from. Scoring data, people
// rules and calendar periods all cite with it (`Source` and `PolicyCitation` are its older names, kept so client
// and cloud code compile unchanged).
//
// Clause numbering: R2023 by its own sections, e.g. '二(四)'; FAQ2021 by question number, 'Q5' for question 五
// (RULES.md's convention), with the step or paragraph inside the answer in `description` (e.g. '第二步'). Some
// older citations in people/ and calendar/rounds.ts still write FAQ2021 clauses with Chinese numerals ('八', '四、五');
// their tests pin those strings.

/** A = stated by one of our two source documents; B = several public copies agree; C = one copy or copies conflict. */
export type Confidence = 'A' | 'B' | 'C';

/**
 * R2023 = 杭政办函〔2023〕33号 (in force 2023-05-08); FAQ2021 = the 2021 Q&A on the revised 《杭州市居住证积分管理办法》;
 * GB11643-1999 = the citizen ID number standard; public-copy = a public copy of the indicator table;
 * outside-source = other public material; our-choice = our own convention where the sources are silent.
 */
export type CitedDocument = 'R2023' | 'FAQ2021' | 'GB11643-1999' | 'public-copy' | 'outside-source' | 'our-choice';

export interface Citation {
  doc: CitedDocument;
  /** Clause in the source document, e.g. '二(四)' or 'Q3'. */
  clause?: string;
  /** What the cited passage is, in Chinese: a public copy's title, our choice in words, or the step inside a clause. */
  description?: string;
  /**
   * Set where the citation itself says whether the rule is verified (people rules, calendar periods). Scoring data
   * carries `verified` on the rule version instead. true ONLY if one of the two source documents states the rule.
   */
  verified?: boolean;
  /** For a reading taken from public copies: B = several copies agree, C = one copy. */
  confidence?: Confidence;
}

/** A citation that states its clause and whether it is verified (the shape people rules and calendar periods need). */
export type StatedCitation = Citation & { clause: string; verified: boolean };
