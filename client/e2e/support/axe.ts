// axe-core on the screen a flow is looking at: the engine is injected into the page (page.addScriptTag), run over
// the visible Taro page and any open dialog, and its critical and serious violations are returned, one line per rule,
// so a test can print what was found and assert that nothing was.
import { createRequire } from 'module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(__filename).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  /** How many elements, and the first few selectors, to find them again. */
  nodes: number;
  targets: string[];
  /** axe's own words on the first element (e.g. the contrast ratio and colours), for the report. */
  summary: string;
}

/** The impacts the bar is set at: none of these on any screen of a journey. */
const BLOCKING = new Set(['critical', 'serious']);

export async function axeScreen(page: Page, screen: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) {
    await page.addScriptTag({ path: AXE_SOURCE });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } })
      .axe;
    // Taro's H5 router keeps earlier pages of the stack in the DOM (hidden once the new page's transition ends) and
    // appends the page on top last: only that one is checked, with whatever lies outside the pages (dialogs).
    const pages = Array.from(document.querySelectorAll('.taro_page'));
    const hidden = pages.slice(0, -1);
    const exclude = hidden.map((p, i) => {
      p.setAttribute('data-axe-hidden', String(i));
      return [`[data-axe-hidden="${i}"]`];
    });
    const result = await axe.run({ include: [['body']], exclude }, { resultTypes: ['violations'] });
    hidden.forEach((p) => p.removeAttribute('data-axe-hidden'));
    return result.violations.map((v) => ({
      rule: v.id as string,
      impact: String(v.impact),
      help: v.help as string,
      nodes: v.nodes.length as number,
      targets: v.nodes.slice(0, 3).map((n: { target: unknown[] }) => n.target.map(String).join(' ')),
      summary: String(v.nodes[0]?.failureSummary ?? ''),
    }));
  });
  return violations.filter((v) => BLOCKING.has(v.impact)).map((v) => ({ screen, ...v }));
}
