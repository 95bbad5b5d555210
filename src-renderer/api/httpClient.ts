import type { BalaClient } from '../../shared/api/client';
import type { OperationName, OutputOf } from '../../shared/api/contract';
import type { BalaEvent } from '../../shared/api/events';
import type { Result } from '../../shared/api/result';

/** The browser-mode transport: POST /api/call/<operation> and a server-sent event stream. */
export function httpClient(token: string, base = ''): BalaClient {
  const headers = { authorization: `Bearer ${token}` };
  return {
    async call<N extends OperationName>(name: N, input?: unknown): Promise<Result<OutputOf<N>>> {
      const response = await fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : { input }),
      });
      return (await response.json()) as Result<OutputOf<N>>;
    },
    subscribe(listener) {
      const controller = new AbortController();
      void followEvents(`${base}/api/events`, headers, listener, controller.signal);
      return () => controller.abort();
    },
  };
}

/** Reads the event stream, reconnecting with backoff until unsubscribed. */
async function followEvents(
  url: string,
  headers: Record<string, string>,
  listener: (event: BalaEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch(url, { headers, signal });
      if (!response.body) throw new Error('no event stream');
      delay = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) {
            if (line.startsWith('data: ')) listener(JSON.parse(line.slice(6)) as BalaEvent);
          }
        }
      }
    } catch {
      // the backend restarted or the stream broke: try again below unless we were stopped
    }
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}
