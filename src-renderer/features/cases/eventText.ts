import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n/languages';
import type { WorkflowDef, WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { roleName } from '../workspace/registryForms';
import { transitionName } from './caseText';

/** What an event did, as the history and the conflict's choice say it. */
export function eventWhat(event: WorkflowEvent, def: WorkflowDef, language: Language, t: TFunction): string {
  switch (event.kind) {
    case 'take':
      return t('cases.eventTake', { transition: transitionName(def, event.transition, language) });
    case 'request':
      return t('cases.eventRequest', { transition: transitionName(def, event.transition, language) });
    case 'approve':
      return t('cases.eventApprove');
    case 'reject':
      return t('cases.eventReject');
    case 'cancel':
      return t('cases.eventCancel');
    case 'resolve':
      return t('cases.eventResolve');
  }
}

/** Who acted: the operator's user name and role, in the operator's language. */
export const eventWho = (event: WorkflowEvent, language: Language, t: TFunction): string => t('cases.eventBy', { user: event.by.userId, role: roleName(event.by.role, language) });

/** The comment an event carries, if any (requests, approvals and rejections). */
export const eventComment = (event: WorkflowEvent): string | null => ('comment' in event && event.comment ? event.comment : null);
