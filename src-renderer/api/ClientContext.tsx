import { createContext, useContext, type ReactNode } from 'react';
import type { BalaClient } from '../../shared/api/client';

const ClientContext = createContext<BalaClient | null>(null);

export function ClientProvider({ client, children }: { client: BalaClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): BalaClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}
