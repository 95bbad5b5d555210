import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what the workstation is held to on every screen. */
const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Scans the page as it is now with axe-core and fails, listing every violation (rule, impact,
 * the elements, what to do), when there is any. A soft assertion: the spec goes on, so one run
 * reports every screen that fails, and the test still fails at its end.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagAA).analyze();
  const found = violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets.join('\n')}`;
  });
  expect.soft(found.length, `accessibility violations on the screen "${screen}":\n${found.join('\n')}\n`).toBe(0);
}
