// axe-core on the screen a flow is looking at: the engine is injected into the page (page.addScriptTag), run over
// the visible Taro page and any open dialog, and its critical and serious violations are returned, one line per rule,
// so a test can print what was found and assert that nothing was; then our own whole-page label-in-name check.
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
  const blocking = violations.filter((v) => BLOCKING.has(v.impact)).map((v) => ({ screen, ...v }));
  return [...blocking, ...(await labelInNameWholePage(page, screen))];
}

/**
 * WCAG 2.5.3 (label in name) over the whole page, scrolled or not. axe's label-content-name-mismatch only judges
 * text it finds on screen, and a Taro page scrolls inside its own container, so a button far down a long page was
 * never judged. Here every named button, link or tab of the top page (and of any open dialog) must have a name
 * containing its visible text, compared on letters and digits only, as axe does.
 */
async function labelInNameWholePage(page: Page, screen: string): Promise<AxeFinding[]> {
  const mismatches = await page.evaluate(() => {
    const plain = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
    const pages = Array.from(document.querySelectorAll('.taro_page'));
    const hidden = pages.slice(0, -1);
    const named = Array.from(
      document.querySelectorAll('[aria-label]:is([role="button"], [role="link"], [role="tab"], button, a)'),
    );
    return named
      .filter((el) => !hidden.some((p) => p.contains(el)))
      .map((el) => ({ label: el.getAttribute('aria-label') ?? '', text: (el as HTMLElement).innerText ?? '' }))
      .filter(({ label, text }) => plain(text) !== '' && !plain(label).includes(plain(text)));
  });
  if (mismatches.length === 0) return [];
  return [
    {
      screen,
      rule: 'label-in-name (whole page)',
      impact: 'serious',
      help: 'The accessible name of a button or link must contain its visible text',
      nodes: mismatches.length,
      targets: mismatches.slice(0, 3).map((m) => `「${m.text.trim()}」 named 「${m.label}」`),
      summary: '',
    },
  ];
}
