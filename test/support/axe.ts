import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core on an app frame only (the host's chrome is not the app's): the serious and critical
 * violations, as "rule (impact): help — targets" lines so a failure says what to fix. A selector that
 * matched nothing would pass vacuously, so a check that found no node inside the frame fails.
 */
export const seriousViolationsIn = async (page: Page, frameSelector: string): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).include([frameSelector, '#root']).analyze();
  const checked = [...results.passes, ...results.violations, ...results.incomplete].some((rule) => rule.nodes.some((node) => node.target.length > 1));
  if (!checked) throw new Error(`axe checked nothing inside ${frameSelector}`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${String(v.impact)}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};
