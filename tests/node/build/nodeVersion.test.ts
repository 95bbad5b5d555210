import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/processes';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const minimum = /^>=(\d+\.\d+)(?:\.0)?$/.exec(pkg.engines.node)?.[1];

const atLeast = (version: string, floor: string) => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [x = 0, y = 0] = floor.split('.').map(Number);
  return a !== x ? a > x : b >= y;
};

describe('the Node.js version is stated once, and true', () => {
  it('package.json names a minimum', () => {
    expect(minimum).toMatch(/^\d+\.\d+$/);
  });

  it('README says the same version', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${minimum} or newer`);
    expect([...readme.matchAll(/Node\.js (\d+\.\d+) or newer/g)].map((match) => match[1])).toEqual([minimum]);
  });

  it('CI installs what package.json names (it reads engines, it does not repeat it)', () => {
    const script = fs.readFileSync(path.join(repoRoot, '.ci/node.sh'), 'utf8');
    expect(script).toContain("require('./package.json').engines.node");
    expect(script).not.toMatch(/\b2[0-9]\.\d+\.\d+\b/);
    expect(fs.readFileSync(path.join(repoRoot, '.ci/run'), 'utf8')).toContain('eval "$(.ci/node.sh)"');
  });

  it.runIf(process.env.CI === 'true')('under CI, the tests run on that version', () => {
    expect(atLeast(process.versions.node, minimum ?? '99.0')).toBe(true);
  });

  it('every dependency the lock file holds accepts that version (whole ranges, "a || b" included)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const floor = `${minimum ?? '0.0'}.0`;
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !semver.satisfies(floor, entry.engines!.node!))
      .map(([name, entry]) => `${name} ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it('the range check sees a floor that only one branch of "||" admits', () => {
    expect(semver.satisfies('22.12.0', '^22.18.0 || >=24.11.0')).toBe(false);
    expect(semver.satisfies('22.18.0', '^22.18.0 || >=24.11.0')).toBe(true);
  });
});
