import type { ServerCatalogue } from './serverCatalogue';

export const serverKk = {
  cli: {
    description: 'Bala орталық сервері: әкімшілік және жұмыс орындарына арналған HTTPS қызметі.',
  },
} as const satisfies ServerCatalogue;
