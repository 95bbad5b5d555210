import type { ServerCatalogue } from './serverCatalogue';

export const serverAz = {
  cli: {
    description: 'Bala mərkəzi serveri: idarəetmə və iş yerləri üçün HTTPS xidməti.',
  },
} as const satisfies ServerCatalogue;
