// Opens the public coverage picture (GET /api/directory/coverage.svg through the gateway) in Debian's Chromium at
// each width in WIDTHS and measures what the browser drew: the picture's size, every visible label's box against
// the picture's, the category labels shown, the segments' tooltips. Configured by environment: SVG_URL, WIDTHS
// (comma-separated), SCREENSHOT_PREFIX, CHROMIUM. Prints one JSON line: { widths: [ {width, ...}, ... ] } or
// { failedStep, error }; exits 1 when a step fails.
import { chromium } from 'playwright-core';

const url = process.env.SVG_URL;
const widths = process.env.WIDTHS.split(',').map(Number);
const step = { name: 'launch' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let outcome;
try {
  const measured = [];
  for (const width of widths) {
    step.name = `open the picture ${width} px wide`;
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(url);
    const drawn = await page.evaluate(() => {
      const svg = document.documentElement;
      const box = svg.getBoundingClientRect();
      const outside = [];
      let visibleLabels = 0;
      let visibleCategoryLabels = 0;
      for (const text of svg.querySelectorAll('text')) {
        const label = text.getBoundingClientRect();
        if (label.width === 0 || getComputedStyle(text).display === 'none') {
          continue;
        }
        visibleLabels++;
        if (text.classList.contains('category-label')) {
          visibleCategoryLabels++;
        }
        if (label.left < box.left - 0.5 || label.right > box.right + 0.5 || label.top < box.top - 0.5
            || label.bottom > box.bottom + 0.5) {
          outside.push(text.textContent);
        }
      }
      return {
        rootElement: svg.tagName,
        pictureWidth: Math.round(box.width),
        pictureHeight: Math.round(box.height),
        labels: svg.querySelectorAll('text').length,
        visibleLabels,
        visibleCategoryLabels,
        categoryLabels: svg.querySelectorAll('text.category-label').length,
        segmentsWithTooltip: svg.querySelectorAll('path > title').length,
        labelsOutside: outside,
      };
    });
    // The screenshot is for people to look at, not evidence: a browser that cannot take one of a bare SVG document
    // in time fails nothing (fullPage screenshots of an SVG root time out in headless Chromium).
    let screenshot = true;
    try {
      await page.screenshot({ path: `${process.env.SCREENSHOT_PREFIX}-${width}.png`, timeout: 10_000 });
    } catch (error) {
      screenshot = false;
    }
    measured.push({ width, status: response.status(), contentType: response.headers()['content-type'],
      contentSecurityPolicy: response.headers()['content-security-policy'], screenshot,
      ...drawn });
    await page.close();
  }
  outcome = { ok: true, widths: measured };
} catch (error) {
  outcome = { ok: false, failedStep: step.name, error: String(error.message).split('\n')[0] };
} finally {
  await browser.close();
}
console.log(JSON.stringify(outcome));
process.exit(outcome.ok ? 0 : 1);
