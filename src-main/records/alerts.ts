import type { AlertView } from '../../shared/api/records';
import { canView } from '../../shared/forms/access';
import { isIsoDate } from '../../shared/forms/dates';
import type { AlertRule, PackDef } from '../../shared/forms/packTypes';
import type { Language } from '../../shared/i18n/languages';
import type { RecordStore, StoredRecord } from './recordStore';

const dayMs = 86_400_000;

export function addMonths(iso: string, months: number): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

function matches(rule: AlertRule, record: StoredRecord, today: string, store: RecordStore): { date: string } | null {
  if (rule.kind === 'dateApproaching') {
    const date = record.values[rule.field];
    if (typeof date !== 'string' || !isIsoDate(date)) return null;
    return daysBetween(today, date) <= rule.daysBefore ? { date } : null;
  }
  const start = record.values[rule.startField];
  if (typeof start !== 'string' || !isIsoDate(start)) return null;
  if (rule.when && record.values[rule.when.field] !== rule.when.equals) return null;
  const limit = addMonths(start, rule.months);
  if (today <= limit) return null;
  if (store.aboutSubject(record.id).some((event) => event.formId === rule.endedByForm)) return null;
  return { date: limit };
}

/**
 * What the operator must be warned about now: each pack's alert rules applied to the records
 * the role may see (accreditations expiring, temporary placements past six months…).
 */
export function findAlerts(
  packs: readonly PackDef[],
  store: RecordStore,
  role: string,
  today: string,
  language: Language,
  titleOf: (formId: string, record: StoredRecord) => string,
): AlertView[] {
  const alerts: AlertView[] = [];
  for (const pack of packs) {
    if (pack.roles.find((candidate) => candidate.id === role)?.aggregateOnly) continue;
    for (const rule of pack.alerts) {
      const form = pack.forms.find((candidate) => candidate.id === rule.formId);
      if (!form || !canView(form.access, role)) continue;
      for (let offset = 0; ; offset += 500) {
        const batch = store.list(form.id, 500, offset);
        for (const record of batch) {
          const hit = matches(rule, record, today, store);
          if (hit) alerts.push({ ruleId: rule.id, formId: form.id, recordId: record.id, title: titleOf(form.id, record), date: hit.date, message: rule.message[language] });
        }
        if (batch.length < 500) break;
      }
    }
  }
  return alerts.sort((a, b) => a.date.localeCompare(b.date));
}
