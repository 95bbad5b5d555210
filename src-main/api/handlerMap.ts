import { activationHandlers } from './activationHandlers';
import { appHandlers } from './appHandlers';
import type { Handlers } from './handlers';
import { draftHandlers, photoHandlers, recordHandlers } from './recordHandlers';
import { reportHandlers } from './reportHandlers';
import { sessionHandlers } from './sessionHandlers';
import { settingsHandlers } from './settingsHandlers';
import { syncHandlers } from './syncHandlers';
import { printHandlers } from './printHandlers';
import { handoverHandlers } from './handoverHandlers';
import { caseHandlers } from '../cases/caseHandlers';

/** Every domain's handlers in one map; `satisfies` makes a missing operation a compile error. */
export const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...activationHandlers,
  ...sessionHandlers,
  ...recordHandlers,
  ...draftHandlers,
  ...photoHandlers,
  ...reportHandlers,
  ...syncHandlers,
  ...printHandlers,
  ...handoverHandlers,
  ...caseHandlers,
} satisfies Handlers;
