/*
 * Release versions of Bala (package.json "version": major.minor.patch, an optional pre-release
 * such as 0.2.0-rc.1, an optional +build that never counts), compared as semver does. The
 * server refuses a workstation older than its minimum (docs/sync.md, versions in the field); a
 * header that is not such a version is refused too, never guessed at.
 */

export interface ReleaseVersion {
  core: readonly [number, number, number];
  /** Pre-release identifiers: 0.2.0-rc.1 comes before 0.2.0. Empty for a release. */
  pre: readonly string[];
}

// Six digits a part: no release will need more, and nothing past Number's exact range is parsed.
const pattern = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})(?:-([0-9A-Za-z-]{1,20}(?:\.[0-9A-Za-z-]{1,20}){0,4}))?(?:\+[0-9A-Za-z.-]{1,40})?$/;

export function parseRelease(text: string | undefined): ReleaseVersion | null {
  if (text === undefined || text.length > 80) return null;
  const match = pattern.exec(text);
  if (!match) return null;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ? match[4].split('.') : [] };
}

const numeric = /^\d+$/;

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = numeric.test(a);
  const bNumeric = numeric.test(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a comes before b, 0 when they are the same release, positive after. */
export function compareRelease(a: ReleaseVersion, b: ReleaseVersion): number {
  for (let i = 0; i < 3; i += 1) {
    const difference = (a.core[i] ?? 0) - (b.core[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i += 1) {
    const difference = compareIdentifiers(a.pre[i] ?? '', b.pre[i] ?? '');
    if (difference !== 0) return difference;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

/** Whether `version` (a header's text) names a release at least `minimum`; garbage never is. */
export function isAtLeast(version: string | undefined, minimum: ReleaseVersion): boolean {
  const parsed = parseRelease(version);
  return parsed !== null && compareRelease(parsed, minimum) >= 0;
}
