// node dashboard-page.mjs <base url> <from> <to>
// The dashboard page over those days, logged in as YIKE_USER (YIKE_PASSWORD) through the login form;
// one JSON line: {"step":"figures","values":{figure: the card's value as shown}} once the cards are there.
// A failure prints {"step", "error"} and the script exits 1.
import { openBrowser, openPage, options, print } from './browser.mjs';

const { positional: [base, from, to] } = options({});
if (!to || !process.env.YIKE_USER || !process.env.YIKE_PASSWORD) {
  console.error('usage: YIKE_USER=… YIKE_PASSWORD=… node dashboard-page.mjs <base url> <from> <to>');
  process.exit(2);
}

const browser = await openBrowser();
const { page } = browser;
try {
  await openPage(page, new URL(`/dashboard?from=${from}&to=${to}`, base).href);
  await page.getByTestId('figures').waitFor();
  const values = await page.locator('[data-testid=figures] [data-figure]').evaluateAll((cards) => Object.fromEntries(
    cards.filter((c) => c.querySelector(':scope > .open > .value, :scope > .value'))
      .map((c) => [c.dataset.figure, c.querySelector(':scope > .open > .value, :scope > .value').innerText.trim()])));
  print({ step: 'figures', values });
} catch (e) {
  print({ step: 'figures', error: e.message });
  process.exitCode = 1;
} finally {
  await browser.close();
}
