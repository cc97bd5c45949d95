import AxeBuilder from '@axe-core/playwright';
import { source as AXE_SOURCE } from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const NOTHING = 'axe checked nothing';
const TRIES = 6;

/**
 * axe-core on an app frame only (the host's chrome is not the app's): the serious and critical
 * violations, as "rule (impact): help — targets" lines so a failure says what to fix. The frame's whole
 * body is checked, so a modal <dialog> in the top layer is too. A check that found no node inside the
 * frame fails: asked again up to five times first, because @axe-core/playwright gives up on a frame
 * whose axe script takes more than 1 s to inject (its inject(): "Script Timeout", swallowed), which a
 * busy machine reaches; a frame it never reaches still fails. So axe is put into every frame first, with no
 * time limit, and the builder gets a no-op as its source (its 1 s inject then has nothing to do); the blank
 * page it finishes the run in gets axe from an init script, removed again after the check.
 */
const injectAxe = async (page: Page): Promise<void> => {
  for (const frame of page.frames()) {
    // A frame that went away meanwhile has nothing to check; the check below then says so.
    await frame.evaluate(`if (typeof window.axe === 'undefined') { ${AXE_SOURCE} }`).catch(() => undefined);
  }
};

const analyze = async (page: Page, frameSelector: string): Promise<AxeResults> => {
  const forBlankPage = await page.context().addInitScript({ content: AXE_SOURCE });
  try {
    await injectAxe(page);
    return await new AxeBuilder({ page, axeSource: ';' }).include([frameSelector, 'body']).analyze();
  } finally {
    await forBlankPage.dispose();
  }
};

export const seriousViolationsIn = async (page: Page, frameSelector: string): Promise<string[]> => {
  for (let attempt = 1; ; attempt++) {
    const results = await analyze(page, frameSelector);
    const checked = [...results.passes, ...results.violations, ...results.incomplete].some((rule) =>
      rule.nodes.some((node) => node.target.length > 1),
    );
    if (checked)
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${String(v.impact)}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (attempt === TRIES) throw new Error(`${NOTHING} inside ${frameSelector} (${String(TRIES)} tries)`);
    await page.waitForTimeout(1000);
  }
};
