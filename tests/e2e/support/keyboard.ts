import { expect, type Locator, type Page } from '@playwright/test';

/** What the checks below read in the page (the tests are compiled without the DOM library). */
interface Styles { outlineStyle: string; outlineWidth: string; boxShadow: string }
interface FocusFace { classList: { contains(name: string): boolean } }
interface FocusElement { outerHTML: string; type?: string; labels?: ArrayLike<FocusFace> | null }
interface PageWindow { document: { activeElement: FocusElement | null; body: unknown }; getComputedStyle(element: unknown): Styles }

/** The focused element shows a ring (outline or box shadow): on itself or, for a visually hidden file input, on the face standing for it. */
export async function expectFocusRing(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const view = globalThis as unknown as PageWindow;
    const focused = view.document.activeElement;
    if (!focused || focused === view.document.body) return 'nothing is focused';
    const shows = (element: unknown) => {
      const style = view.getComputedStyle(element);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const faces = focused.type === 'file' ? Array.from(focused.labels ?? []).filter((face) => face.classList.contains('file-button__face')) : [];
    return [focused, ...faces].some(shows) ? 'ring' : `no focus ring on ${focused.outerHTML.slice(0, 160)}`;
  });
  expect(ring).toBe('ring');
}

/** Presses Tab (or Shift+Tab) until the target has the focus, as an operator moves through a screen; it must then show it. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let presses = 0; presses < (options.max ?? 60); presses += 1) {
    const focused = await target.evaluate((element) => element === (globalThis as unknown as PageWindow).document.activeElement).catch(() => false);
    if (focused) break;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
  await expectFocusRing(page);
}

/** A closed select takes the arrow keys: Down until the wanted option is chosen, Up when the list ends first. */
export async function arrowTo(page: Page, select: Locator, value: string): Promise<void> {
  let key = 'ArrowDown';
  for (let presses = 0; presses < 160; presses += 1) {
    const before = await select.inputValue();
    if (before === value) break;
    await page.keyboard.press(key);
    if ((await select.inputValue()) === before) key = 'ArrowUp';
  }
  await expect(select).toHaveValue(value);
}
