import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const NOTHING = 'axe checked nothing';
const TRIES = 6;

/**
 * axe-core on an app frame only (the host's chrome is not the app's): the serious and critical
 * violations, as "rule (impact): help — targets" lines so a failure says what to fix. The frame's whole
 * body is checked, so a modal <dialog> in the top layer is too. A check that found no node inside the
 * frame fails: asked again up to five times first, because @axe-core/playwright gives up on a frame
 * whose axe script takes more than 1 s to inject (its inject(): "Script Timeout", swallowed), which a
 * busy machine reaches; a frame it never reaches still fails.
 */
export const seriousViolationsIn = async (page: Page, frameSelector: string): Promise<string[]> => {
  for (let attempt = 1; ; attempt++) {
    const results = await new AxeBuilder({ page }).include([frameSelector, 'body']).analyze();
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
