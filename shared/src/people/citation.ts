// People rules cite with the package's one citation type (shared/src/citation.ts), stating clause and verification.
import type { StatedCitation } from '../citation';

/** @deprecated The one citation type is `Citation`; this is its `StatedCitation` form, kept for compatibility. */
export type PolicyCitation = StatedCitation;
