// Starts fixture-server.mjs for the tests in test/: the built pages (PAGES, else the bundle's build
// output), rooms.fixture.json, on a free-looking port; resolves once it listens.
import { spawn } from 'node:child_process';
import { after } from 'node:test';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openBrowser } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PAGES = process.env.PAGES ?? here('../../bundles/org.yike.web.pages/target/classes/pages');

/** The fixture's one user, as the tests log in. */
export const ADMIN = { name: 'admin', password: 'secret' };

export const fixturePort = () => 18000 + Math.floor(Math.random() * 1000);

export function startFixture(port) {
  const child = spawn('node', [here('fixture-server.mjs'), PAGES, String(port), here('rooms.fixture.json')],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).once('line', () => resolve(child));
  });
}

/**
 * A fixture and a chromium for the tests of one file: {base, browser, start()}, start() (in the file's
 * before hook) starts both and answers the page; both are closed after the file's tests.
 */
export function fixtureAndBrowser() {
  const port = fixturePort();
  let fixture;
  const session = {
    base: `http://127.0.0.1:${port}`,
    browser: null,
    async start() {
      fixture = await startFixture(port);
      session.browser = await openBrowser();
      return session.browser.page;
    },
  };
  after(async () => {
    await session.browser?.close();
    fixture?.kill();
  });
  return session;
}
