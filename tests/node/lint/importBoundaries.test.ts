import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Probe files written into the real tree and linted with the project's real config, exactly as
 * `npm run lint` would see them; removed afterwards.
 */
const probes: Record<string, string> = {
  'src-main/__lint_probe__/usesElectron.ts': "import { app } from 'electron';\nexport const name = app.getName();\n",
  'src-main/__lint_probe__/usesRenderer.ts': "export { App } from '../../src-renderer/shell/App';\n",
  'src-renderer/__lint_probe__/usesFs.ts': "import fs from 'node:fs';\nexport const exists = fs.existsSync('/');\n",
  'src-renderer/__lint_probe__/usesBackend.ts': "export { createBackend } from '../../src-main/backend';\n",
  'src-renderer/__lint_probe__/literal.tsx': 'export const Hello = () => <p>Hello operator</p>;\n',
  'shared/__lint_probe__/usesReact.ts': "import { useState } from 'react';\nexport const hook = useState;\n",
  'shared/__lint_probe__/usesPath.ts': "import path from 'path';\nexport const join = path.join;\n",
  'src-main/electron/__lint_probe__/allowed.ts': "import { app } from 'electron';\nexport const name = app.getName();\n",
  'src-main/__lint_probe__/allowed.ts': "import fs from 'node:fs';\nexport const exists = fs.existsSync('/');\n",
};

describe('import boundaries (ESLint, the real config)', () => {
  const results = new Map<string, ESLint.LintResult>();

  beforeAll(async () => {
    for (const [file, text] of Object.entries(probes)) {
      fs.mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
      fs.writeFileSync(path.join(repoRoot, file), text);
    }
    try {
      const eslint = new ESLint({ cwd: repoRoot });
      for (const result of await eslint.lintFiles(Object.keys(probes))) {
        results.set(path.relative(repoRoot, result.filePath), result);
      }
    } finally {
      for (const dir of new Set(Object.keys(probes).map((file) => path.dirname(file)))) {
        fs.rmSync(path.join(repoRoot, dir), { recursive: true, force: true });
      }
    }
  }, 120_000);

  const rulesHit = (file: string) => (results.get(file)?.messages ?? []).map((message) => message.ruleId);

  it.each([
    ['src-main/__lint_probe__/usesElectron.ts', 'no-restricted-imports'],
    ['src-main/__lint_probe__/usesRenderer.ts', 'no-restricted-imports'],
    ['src-renderer/__lint_probe__/usesFs.ts', 'no-restricted-imports'],
    ['src-renderer/__lint_probe__/usesBackend.ts', 'no-restricted-imports'],
    ['src-renderer/__lint_probe__/literal.tsx', 'no-restricted-syntax'],
    ['shared/__lint_probe__/usesReact.ts', 'no-restricted-imports'],
    ['shared/__lint_probe__/usesPath.ts', 'no-restricted-imports'],
  ])('%s is refused (%s)', (file, rule) => {
    expect(results.has(file)).toBe(true);
    expect(rulesHit(file)).toContain(rule);
    expect(results.get(file)?.errorCount).toBeGreaterThan(0);
  });

  it.each(['src-main/electron/__lint_probe__/allowed.ts', 'src-main/__lint_probe__/allowed.ts'])('%s is allowed', (file) => {
    expect(results.has(file)).toBe(true);
    expect(results.get(file)?.messages).toEqual([]);
  });
});
