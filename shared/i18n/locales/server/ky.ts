import type { ServerCatalogue } from './serverCatalogue';

export const serverKy = {
  cli: {
    description: 'Bala борбордук сервери: администрациялоо жана иш орундары үчүн HTTPS кызматы.',
  },
} as const satisfies ServerCatalogue;
