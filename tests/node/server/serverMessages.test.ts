import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import { serverErrorCodes } from '../../../shared/serverApi/serverApi';
import { adminErrorCodes } from '../../../src-server/admin/adminError';
import { refusalStatus } from '../../../src-server/http/refusal';

/** Messages the server builds from codes at run time, which the literal-key check cannot see. */
describe('server messages', () => {
  it.each(languages)('%s has a message for every administration refusal, every answer to a workstation, every status', (lng) => {
    const server = catalogues[lng].server as unknown as Record<string, Record<string, string>>;
    for (const code of adminErrorCodes) expect(server.errors?.[code], `${lng} errors.${code}`).toMatch(/\S/);
    for (const code of serverErrorCodes) expect(server.refusals?.[code], `${lng} refusals.${code}`).toMatch(/\S/);
    for (const status of ['active', 'suspended', 'restricted', 'revoked']) expect(server.status?.[status], `${lng} status.${status}`).toMatch(/\S/);
    for (const storage of ['storage_pglite', 'storage_postgres']) expect(server.cli?.[storage]).toMatch(/\S/);
  });

  it('gives every refusal code an HTTP status', () => {
    expect(Object.keys(refusalStatus).sort()).toEqual([...serverErrorCodes].sort());
  });
});
