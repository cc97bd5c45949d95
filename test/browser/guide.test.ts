import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Locale } from '../../src/contract';
import { GUIDE_FILES, markdownToGuide } from '../../static/guide/markdown-to-guide.cjs';
import { plainText, sectionOf } from '../../static/src/components/guide-doc';
import { seriousViolationsIn } from '../support/axe';
import { screenshot, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { boardFrame, demoCycleName } from './board-support';
import { PEOPLE, useViewsHost } from './views-host';

/**
 * The method guide inside the product (#12 item 5): a quality finding's "Why?" opens docs/okr-method.md
 * (or its Dutch version) at that rule's section in a modal dialog, fetched only then, in the viewer's
 * language; "Read the whole guide" shows all of it there; Escape closes it and gives focus back, leaving
 * the side panel open. Screenshots in English and Dutch, light and dark, at 1024x768 and 1440x900.
 */
jest.setTimeout(180_000);

const suite = useViewsHost();

const DOCS = path.resolve(__dirname, '..', '..', 'docs');
const guideOf = (locale: Locale) => markdownToGuide(readFileSync(path.join(DOCS, GUIDE_FILES[locale]), 'utf8'));
const WORDS = (locale: Locale) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'locales', locale, 'guide.json'), 'utf8')) as Record<
    string,
    string
  >;

let page: Page;
let problems: PageProblems;
let guideRequests: string[];
afterEach(async () => {
  expect(problems.errors).toEqual([]);
  await page.context().close();
});

/** The board as Elena on the demo cycle, with every request for a guide chunk recorded. */
const openBoard = async (locale: Locale, theme: 'light' | 'dark'): Promise<FrameLocator> => {
  const context = await suite.host().browser.newContext({ viewport: { width: 1024, height: 768 } });
  page = await context.newPage();
  problems = watchProblems(page);
  guideRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('okr-method')) guideRequests.push(path.basename(r.url()));
  });
  await page.goto(
    `${suite.host().url}/jira/apps/cadence-board?as=${PEOPLE.elena}&locale=${locale}${theme === 'dark' ? '&theme=dark' : ''}`,
  );
  const frame = boardFrame(page);
  const picker = frame.locator('select').first();
  await picker.waitFor();
  const cycle = await demoCycleName(suite.host());
  const option = await picker.locator('option', { hasText: cycle }).first().getAttribute('value');
  await picker.selectOption(option ?? '');
  await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
  return frame;
};

/** Opens an objective with quality findings in the side panel and asks "Why?" of its first finding. */
const askWhy = async (frame: FrameLocator, locale: Locale): Promise<{ anchor: string }> => {
  await frame.locator('[data-row-kind="objective"]:has(.cad-row__findings) [data-row-focus]').first().click();
  // The objective's findings are behind a disclosure.
  const quality = frame.locator('dialog.cad-panel details.cad-detail-quality');
  await frame.locator('dialog.cad-panel li[data-rule]').first().waitFor({ state: 'attached' });
  await quality.locator('summary').click();
  const why = quality.locator('li[data-rule] [data-guide-anchor]').first();
  await why.waitFor();
  expect(await why.textContent()).toBe(WORDS(locale).why);
  // Nothing of the guide is fetched before someone asks.
  expect(guideRequests).toEqual([]);
  const anchor = (await why.getAttribute('data-guide-anchor')) ?? '';
  expect(await frame.locator('dialog.cad-panel li[data-rule]').first().getAttribute('data-rule')).toBe(anchor);
  await why.click();
  return { anchor };
};

const guideDialog = (frame: FrameLocator) => frame.locator('dialog.cad-guide');

const shoot = async (name: string): Promise<void> => {
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${String(width)}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
};

describe.each<Locale>(['en-US', 'nl-NL'])('the method guide in %s', (locale) => {
  const doc = guideOf(locale);
  const words = WORDS(locale);

  it("opens at the finding's rule from its Why?, then the whole guide; Escape returns to the Why?", async () => {
    const frame = await openBoard(locale, 'light');
    const { anchor } = await askWhy(frame, locale);
    const section = sectionOf(doc, anchor);
    expect(section).toBeDefined();
    const dialog = guideDialog(frame);
    const title = dialog.getByRole('heading', { level: 2 });
    await dialog.locator(`[data-section="${section?.id ?? ''}"]`).waitFor();
    expect(await title.textContent()).toBe(plainText(section?.heading ?? ''));
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.getAttribute('lang')).toBe(locale);
    expect(await dialog.locator(':focus').count()).toBe(1);
    // Only the viewer's language is fetched.
    expect(guideRequests).toHaveLength(1);
    expect(guideRequests[0]).toMatch(locale === 'nl-NL' ? /^okr-method\.nl-/ : /^okr-method-/);
    // Rendered from the fixed set of elements, with the section's own words.
    const text = (await dialog.locator('.cad-guide__text').textContent()) ?? '';
    expect(text).toContain(plainText(section?.blocks[0] ?? ''));
    expect(await seriousViolationsIn(page, 'iframe[data-frame-id]')).toEqual([]);
    await shoot(`guide-section-${locale}-light`);

    await dialog.getByRole('button', { name: words.whole }).click();
    await dialog.locator('[data-guide-mode="whole"]').waitFor();
    expect(await title.textContent()).toBe(doc.title);
    const heading = dialog.locator(`#cad-guide-${section?.id ?? ''}`);
    expect(await heading.textContent()).toBe(plainText(section?.heading ?? ''));
    await frame.locator(`#cad-guide-${section?.id ?? ''}:focus`).waitFor();
    const box = await heading.boundingBox();
    const body = await dialog.locator('.cad-guide__body').boundingBox();
    // Scrolled to the section: its heading is at the top of the guide's scrolling body.
    expect(box && body && box.y >= body.y - 1 && box.y < body.y + body.height / 3).toBe(true);
    await shoot(`guide-whole-${locale}-light`);
    // The tables (the shape rules, the score bands) fit the dialog or scroll on their own.
    await dialog.locator('#cad-guide-shape').scrollIntoViewIfNeeded();
    await shoot(`guide-shape-${locale}-light`);
    // The screenshots resized the frame across the panel's 1200 px breakpoint: the panel shows itself
    // again (modal at 1024) and the guide comes back on top with focus. Settled, then Escape.
    await frame.locator('dialog.cad-panel[data-mode="modal"]').waitFor();
    const guideHasFocus = (): Promise<boolean> =>
      dialog.evaluate((el: unknown) => {
        const d = el as { contains: (n: unknown) => boolean; ownerDocument: { activeElement: unknown } };
        return d.contains(d.ownerDocument.activeElement);
      });
    for (let i = 0; i < 50 && !(await guideHasFocus()); i++) await page.waitForTimeout(100);
    expect(await guideHasFocus()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The guide closed; the side panel it was opened from did not.
    expect(await frame.locator('dialog.cad-panel[open]').count()).toBe(1);
    // Focus is back on the Why? that opened it (the frame's active element: `:focus` also needs the
    // window to have focus, which a loaded machine's parallel pages do not always give it).
    const why = frame.locator(`[data-guide-anchor="${anchor}"]`).first();
    let back = false;
    for (let i = 0; i < 50 && !back; i++) {
      back = await why.evaluate((el: unknown) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);
      if (!back) await page.waitForTimeout(100);
    }
    expect(back).toBe(true);
  });

  it('reads in the dark theme, and follows a link to another section inside the dialog', async () => {
    const frame = await openBoard(locale, 'dark');
    const { anchor } = await askWhy(frame, locale);
    const dialog = guideDialog(frame);
    await dialog.locator(`[data-section="${sectionOf(doc, anchor)?.id ?? ''}"]`).waitFor();
    await shoot(`guide-section-${locale}-dark`);
    await dialog.getByRole('button', { name: words.whole }).click();
    await dialog.locator('[data-guide-mode="whole"]').waitFor();
    // The five mistakes (and the Review section) link to their checks: the mistakes' link to the
    // sandbagging check, the last of the two in the guide, followed, scrolls the guide to that check.
    const link = dialog.locator('a[href="#cad-guide-sandbagging"]').last();
    await link.click();
    await frame.locator('#cad-guide-sandbagging:focus').waitFor();
    await shoot(`guide-whole-${locale}-dark`);
    await dialog.locator('#cad-guide-scoring').scrollIntoViewIfNeeded();
    await shoot(`guide-scoring-${locale}-dark`);
    await dialog.getByRole('button', { name: words.close }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
