import type { WorkCalendar } from '../forms/workingDays';

/**
 * Local dates and times in a calendar's time zone, through Intl — never the machine's zone — so a
 * server running in UTC and a workstation in Bishkek agree on "today" and on every deadline.
 * Every local date of the workflow engine comes from here.
 */

const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone deadlines are counted in: the calendar's, else UTC (the same everywhere; see checkWorkflowDef). */
export const calendarZone = (calendar: WorkCalendar): string => calendar.timeZone ?? 'UTC';

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (an IANA name such as Asia/Bishkek). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** Milliseconds since the local midnight. */
  msOfDay: number;
}

/** The wall-clock date and time of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const msOfDay = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + instant.getUTCMilliseconds();
  return { date, msOfDay };
}

/** The local date of an instant in the calendar's zone: the one "which day is it" of the engine. */
export const calendarDate = (calendar: WorkCalendar, instant: Date): string => localDateTime(instant, calendarZone(calendar)).date;

/** The instant a wall-clock time of a local date happens in a zone. */
export function zonedInstant(date: string, msOfDay: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + msOfDay;
  const offsetAt = (instant: number) => {
    const local = localDateTime(new Date(instant), timeZone);
    return Date.parse(`${local.date}T00:00:00Z`) + local.msOfDay - instant;
  };
  const first = wall - offsetAt(wall);
  // Twice, so a guess on the wrong side of a daylight-saving change settles on the right offset.
  return new Date(wall - offsetAt(first));
}

/** `YYYY-MM-DD` of the next day. */
export const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);

/** `HH:MM` → milliseconds since midnight, or null when malformed. */
export function clockMs(hhmm: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 60_000 : hhmm === '24:00' ? dayMs : null;
}
