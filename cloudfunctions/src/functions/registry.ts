// Function name → definition. One cloud function per area, routing by `action` (WeChat allows 50 functions per
// environment). A later function (certificates, rounds, settlement) adds its entry here.
import type { FunctionDef } from '../core/action';
import { accounts } from './accounts';
import { applications } from './applications';
import { files } from './files';
import { objections } from './objections';
import { review } from './review';
import { certificatesFunction } from './certificates';
import { roundsFunction } from './rounds';
import { settlementFunction } from './settlement';
import { remindersFunction } from './reminders';

export const REGISTRY: Record<string, FunctionDef> = {
  accounts,
  files,
  applications,
  review,
  objections,
  certificates: certificatesFunction,
  rounds: roundsFunction,
  settlement: settlementFunction,
  reminders: remindersFunction,
};
