// The single way a page learns today's date: the client's one clock (lib/clock.ts), as a Beijing calendar date.
import { beijingDate } from '@hz-points/shared';
import { useNow } from './clock';

export function useBeijingToday(): string {
  return beijingDate(useNow());
}
