// Yearly guard (reads the real clock on purpose: product code never does). The official holiday schedule is
// published by the State Council each autumn; when the Beijing year rolls over without its data, deadlines would
// throw CALENDAR_UNKNOWN in production. This test fails first, as a reminder to regenerate or register the year.
import { beijingDate, coveredCalendarYears } from '../../src/calendar';

test('the current Beijing year has an official holiday schedule', () => {
  const year = Number(beijingDate(new Date()).slice(0, 4));
  expect(coveredCalendarYears()).toContain(year);
});
