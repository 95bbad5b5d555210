import { expect, it } from 'vitest';
import { describeStorages } from '../../support/serverStorage';
import { testAgency, testServerSetup } from '../../support/serverAdmin';

describeStorages('server migration 003_handover', (storage) => {
  it('keeps one row per imported package, never two for the same package id', async () => {
    const setup = testServerSetup(await storage.fresh());
    try {
      const agency = await testAgency(setup.admin);
      await setup.admin.db.query(
        `INSERT INTO workstations (id, name, agency_id, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at)
         VALUES ('ws-mig3', 'w', $1, 's3', $2, now(), gen_random_uuid(), now())`,
        [agency.id, 'a'.repeat(64)],
      );
      const insert = (packageId: string) =>
        setup.admin.db.query(
          `INSERT INTO handover_imports (package_id, workstation_id, sequence, created_at, imported_at, imported_by, changes, accepted, already_applied, conflicts, rejected)
           VALUES ($1, 'ws-mig3', 1, now(), now(), 'admin', 0, 0, 0, 0, 0)`,
          [packageId],
        );
      const id = '0b9a4c1e-5d1a-4c7e-9a55-1f0d3c2b7a11';
      await insert(id);
      await expect(insert(id)).rejects.toMatchObject({ code: '23505' }); // unique_violation
      const { rows } = await setup.admin.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM handover_imports');
      expect(rows[0]?.n).toBe(1);
    } finally {
      setup.cleanup();
    }
  });
});
