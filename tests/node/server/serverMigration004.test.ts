import { expect, it } from 'vitest';
import { migrate } from '../../../src-server/db/migrate';
import { migrations } from '../../../src-server/db/migrations';
import { addAgency, findAgency } from '../../../src-server/admin/agencies';
import { describeStorages } from '../../support/serverStorage';
import { testServerSetup } from '../../support/serverAdmin';

describeStorages('server migration 004_agency_department', (storage) => {
  it('keeps agencies registered before it (no department) and takes a department code after it', async () => {
    const db = await storage.empty();
    await migrate(db, migrations.filter((migration) => migration.version < 4));
    await db.query(`INSERT INTO agencies (id, name, kind, country, territory, tin) VALUES ('old-home', 'Ош балдар үйү', 'childrens_home', 'KG', '41721', '01234567890123')`);
    expect(await migrate(db, migrations.filter((migration) => migration.version <= 4))).toEqual([4]);
    await migrate(db);
    const setup = testServerSetup(db);
    try {
      expect(await findAgency(db, 'old-home')).toMatchObject({ id: 'old-home', department: null });
      const added = await addAgency(setup.admin, { name: 'Ош бөбөктөр үйү', kind: 'infant_home', country: 'KG', territory: '41721', tin: '01234567890124', department: 'health', id: 'new-home' });
      expect(added).toMatchObject({ id: 'new-home', department: 'health' });
      await expect(db.query(`UPDATE agencies SET department = 'health; DROP' WHERE id = 'old-home'`)).rejects.toMatchObject({ code: '23514' }); // check_violation
    } finally {
      setup.cleanup();
    }
  });
});
