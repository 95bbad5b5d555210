/** The central server's and `bala-server`'s strings (namespace `server.*`). */
export const serverEn = {
  cli: {
    description: 'Bala central server: administration and the HTTPS service for workstations.',
  },
} as const;
