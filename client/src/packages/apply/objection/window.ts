// Whether an objection may be filed now (FAQ2021: within 7 working days after the result; silence confirms).
import { isOpenAt } from '@hz-points/shared';
import type { Application, Objection } from '../common/types';

export type ObjectionWindow =
  | { state: 'filed'; objection: Objection }
  | { state: 'not-published' }
  | { state: 'open'; lastDay: string }
  | { state: 'closed'; lastDay: string | null };

export function objectionWindow(app: Application, objection: Objection | null, now: Date): ObjectionWindow {
  if (objection) return { state: 'filed', objection };
  // The server says whether the result is published; the deadline is a date, so the window follows the clock.
  if (!app.published) return { state: 'not-published' };
  const lastDay = app.objectionDeadline;
  if (!lastDay || !isOpenAt(lastDay, now)) return { state: 'closed', lastDay };
  return { state: 'open', lastDay };
}
