import type { WorkCalendar } from '../../forms/workingDays';

/**
 * The Kyrgyz Republic's working calendar for deadlines in working days: a five-day week and the
 * holidays fixed by the Labour Code (art. 113): New Year, Orthodox Christmas, Defender of the
 * Fatherland Day, International Women's Day, Nooruz, Day of the People's April Revolution,
 * Labour Day, Constitution Day, Victory Day, Independence Day, Days of History and Memory of
 * Ancestors. Orozo Ait and Kurman Ait move each year and days off are moved by government
 * decree: they are added to `extraDaysOff` as each year's decree is published.
 */
export const kgCalendar: WorkCalendar = {
  id: 'kg',
  restWeekdays: [0, 6],
  annualHolidays: ['01-01', '01-07', '02-23', '03-08', '03-21', '04-07', '05-01', '05-05', '05-09', '08-31', '11-07', '11-08'],
  extraDaysOff: [],
  extraWorkingDays: [],
  // Days and deadlines are counted in Bishkek's local days on the workstation and the server alike.
  timeZone: 'Asia/Bishkek',
};
