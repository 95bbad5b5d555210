import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultTrustedCaFile } from '../../../src-main/activation/caPin';
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

  it("flips Electron's fuses in the packaged binary: no Node shell, no inspector, only the checked app.asar, encrypted cookies", async () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // What electron-builder hands @electron/fuses, computed by its own code from this file.
    const { PlatformPackager } = (await import('app-builder-lib')) as unknown as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    // OnlyLoadAppFromAsar needs the app in app.asar: the archive is not switched off.
    expect(config.asar ?? true).not.toBe(false);
    // With RunAsNode off, `process.fork` from the main process cannot work: the shell never forks.
    for (const file of fs.readdirSync(path.join(root, 'src-main', 'electron'))) {
      expect(fs.readFileSync(path.join(root, 'src-main', 'electron', file), 'utf8'), file).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE/);
    }
  });

  it("packs the administrator's pinned CA (resources/trusted-ca.pem) into app.asar when present, where the workstation reads it", () => {
    expect(config.files).toContain('resources/trusted-ca.pem');
    expect(path.relative(root, defaultTrustedCaFile())).toBe(path.join('resources', 'trusted-ca.pem'));
  });

  it('finds a profile beside an AppImage, not in its temporary mount only', () => {
    expect(defaultSearchPlaces('linux', { APPIMAGE: '/home/op/Downloads/Bala-0.1.0.AppImage' }).installer).toContain('/home/op/Downloads');
  });
});
