import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';

const everyMs = 30_000;

/** Tells the backend the operator is at work (keys, pointer), at most every 30 s: the idle lock counts from the last. */
export function useActivityPing(active: boolean): void {
  const client = useClient();
  useEffect(() => {
    if (!active) return undefined;
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      void client.call('session.activity');
    };
    window.addEventListener('keydown', ping, { passive: true });
    window.addEventListener('pointerdown', ping, { passive: true });
    return () => {
      window.removeEventListener('keydown', ping);
      window.removeEventListener('pointerdown', ping);
    };
  }, [active, client]);
}
