// The single way a page learns today's date: the device clock, read once, as a Beijing calendar date.
import { useMemo } from 'react';
import { beijingDate } from '@hz-points/shared';

export function useBeijingToday(): string {
  return useMemo(() => beijingDate(new Date()), []);
}
