import type { ServerError } from '../../shared/serverApi/serverApi';

/** Why a sync cycle stopped early: the server could not be reached, or it refused. */
export class SyncStop extends Error {
  constructor(readonly answer: { kind: 'refused'; error: ServerError } | { kind: 'unreachable'; detail: string }) {
    super(answer.kind === 'refused' ? answer.error.code : answer.detail);
    this.name = 'SyncStop';
  }
}
