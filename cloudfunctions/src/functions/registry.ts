// Function name → definition. One cloud function per area, routing by `action` (WeChat allows 50 functions per
// environment). A new function adds its line here (and its WeChat entry file).
import type { FunctionDef } from '../core/action';
import { accounts } from './accounts';
import { applications } from './applications';
import { calendarFunction } from './calendar';
import { certificatesFunction } from './certificates';
import { files } from './files';
import { objections } from './objections';
import { remindersFunction } from './reminders';
import { review } from './review';
import { roundsFunction } from './rounds';
import { rosterFunction } from './roster';
import { settlementFunction } from './settlement';
import { statsFunction } from './stats';

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
  calendar: calendarFunction,
  roster: rosterFunction,
  stats: statsFunction,
};
