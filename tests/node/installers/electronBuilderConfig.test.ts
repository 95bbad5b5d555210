import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSearchPlaces } from '../../../src-main/activation/profileSearch';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  nsis: Record<string, unknown>;
  linux: { target: string[] };
  deb: { afterInstall: string };
  fileAssociations: { ext: string }[];
  directories: { buildResources: string };
  win: { icon: string };
};
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true }).compile(schema);

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is refused by the schema when broken (the check can fail)', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'nope' } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds a per-machine NSIS installer, a deb and an AppImage, with no update server', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, include: 'installers/windows/installer.nsh' });
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.publish).toBeNull();
    expect(config.fileAssociations.map((association) => association.ext)).toEqual(['balaprofile']);
  });

  it('refers only to files that exist, and a 512×512 icon', () => {
    for (const file of [config.nsis.include as string, config.deb.afterInstall, config.win.icon]) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    const png = fs.readFileSync(path.join(root, config.win.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('places pre-issued profiles where the workstation looks for them', () => {
    const windows = defaultSearchPlaces('win32', { ProgramData: 'C:\\ProgramData' }).machine[0] ?? '';
    expect(windows).toBe('C:\\ProgramData\\Bala\\profiles');
    const nsh = fs.readFileSync(path.join(root, config.nsis.include as string), 'utf8');
    expect(nsh).toContain('SetShellVarContext all'); // then $APPDATA is %ProgramData%
    expect(nsh).toContain('$APPDATA\\Bala\\profiles');
    const linux = defaultSearchPlaces('linux', {}).machine[0] ?? '';
    expect(fs.readFileSync(path.join(root, config.deb.afterInstall), 'utf8')).toContain(`mkdir -p ${linux}`);
  });

  it('finds a profile beside an AppImage, not in its temporary mount only', () => {
    expect(defaultSearchPlaces('linux', { APPIMAGE: '/home/op/Downloads/Bala-0.1.0.AppImage' }).installer).toContain('/home/op/Downloads');
  });
});
