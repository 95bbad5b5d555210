import type { AlertView } from '../../shared/api/records';
import type { PackDef } from '../../shared/forms/packTypes';
import type { Language } from '../../shared/i18n/languages';

/**
 * The alerts in `language`: each message taken from its rule in the packs (the backend's text
 * was made in the language in force when it was fetched). A rule the packs here do not know
 * keeps the backend's text.
 */
export function localisedAlerts(alerts: readonly AlertView[], packs: readonly PackDef[], language: Language): AlertView[] {
  return alerts.map((alert) => {
    const pack = packs.find((candidate) => candidate.forms.some((form) => form.id === alert.formId));
    const rule = pack?.alerts.find((candidate) => candidate.id === alert.ruleId);
    return rule ? { ...alert, message: rule.message[language] } : alert;
  });
}
