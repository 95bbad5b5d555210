import type { ServerError } from '../../../shared/serverApi/serverApi';
import type { ServerAnswer, ServerConnection } from '../../../src-main/serverLink/serverClient';

/*
 * A scripted stand-in for the central server, for the session module's in-process mutant tests:
 * the test file replaces serverRequest with `fakeServer.request` (vi.mock), each test says what
 * each route answers; every request is recorded. Unscripted routes are unreachable. It imports
 * nothing but types, so the mock factory can load it (sessionStation.ts builds the workstations).
 */

export interface RecordedRequest {
  method: string;
  route: string;
  body: unknown;
  connection: ServerConnection;
  timeoutMs: number | undefined;
}

type Answer = ServerAnswer<unknown> | ((body: unknown, connection: ServerConnection) => ServerAnswer<unknown> | Promise<ServerAnswer<unknown>>);

export const fakeServer = {
  routes: new Map<string, Answer[] | Answer>(),
  requests: [] as RecordedRequest[],
  reset(): void {
    this.routes.clear();
    this.requests.length = 0;
  },
  /** Every request to `route` gets `answer` (a list: one each, the last one repeated). */
  on(route: string, ...answers: Answer[]): void {
    this.routes.set(route, answers.length === 1 ? (answers[0] as Answer) : answers);
  },
  request(connection: ServerConnection, method: string, route: string, body: unknown, _schema: unknown, timeoutMs?: number): Promise<ServerAnswer<unknown>> {
    fakeServer.requests.push({ method, route, body, connection, timeoutMs });
    const scripted = fakeServer.routes.get(route);
    const answer: Answer | undefined = Array.isArray(scripted) ? (scripted.length > 1 ? scripted.shift() : scripted[0]) : scripted;
    if (answer === undefined) return Promise.resolve({ kind: 'unreachable', detail: 'ECONNREFUSED' });
    return Promise.resolve(typeof answer === 'function' ? answer(body, connection) : answer);
  },
  routesAsked(): string[] {
    return this.requests.map((request) => request.route);
  },
};

export const refused = (code: ServerError['code'], extra: Partial<ServerError> = {}): ServerAnswer<never> => ({ kind: 'refused', error: { code, message: `server says ${code}`, ...extra } });
export const ok = <T>(value: T): ServerAnswer<T> => ({ kind: 'ok', value });

