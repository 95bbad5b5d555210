import type { ServerCatalogue } from './serverCatalogue';

export const serverRu = {
  cli: {
    description: 'Центральный сервер Bala: администрирование и HTTPS-служба для рабочих мест.',
  },
} as const satisfies ServerCatalogue;
