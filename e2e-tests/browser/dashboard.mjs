// A client signs in to the dashboard in a real browser (Debian's Chromium, headless), sees its balance and the worked
// example's order, and downloads its agent's report as XLSX; another client, signed in the same way, sees none of it.
// Usage: node dashboard.mjs <baseUrl> <downloadDir>   (users and expectations in the environment, see below)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, downloads] = process.argv.slice(2);
const env = (name) => {
  const value = process.env[name];
  if (!value) { throw new Error(`${name} is not set`); }
  return value;
};
const client = { user: env('CLIENT_USER'), password: env('CLIENT_PASSWORD'), id: env('CLIENT_ID') };
const other = { user: env('OTHER_USER'), password: env('OTHER_PASSWORD') };
const expectedAvailable = env('EXPECTED_AVAILABLE');
const order = env('EXPECTED_ORDER');
const period = env('REPORT_PERIOD');

function check(condition, message) {
  if (!condition) { throw new Error(message); }
}

async function signIn(browser, who) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', who.user);
  await page.fill('input[name=password]', who.password);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  check(!page.url().includes('/login'), `${who.user} could not sign in: ${page.url()}`);
  return { context, page };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox'] });
try {
  const mine = await signIn(browser, client);
  check(mine.page.url().endsWith(`/clients/${client.id}`), `landed on ${mine.page.url()}`);
  const available = (await mine.page.textContent('[data-currency=RUB] [data-bucket=available]')).trim();
  check(available === expectedAvailable, `available shows ${available}, the API says ${expectedAvailable}`);
  check(await mine.page.isVisible(`a:text("${order}")`), `order ${order} is not listed`);
  // the report of the sales' month, whichever month it is now in Moscow
  await mine.page.fill('#agent-report-period', period);
  const [download] = await Promise.all([mine.page.waitForEvent('download'), mine.page.click('#download-agent-report')]);
  mkdirSync(downloads, { recursive: true });
  const saved = join(downloads, download.suggestedFilename());
  await download.saveAs(saved);
  check(download.suggestedFilename() === `agent-report-${client.id}-${period}.xlsx`, `downloaded ${download.suggestedFilename()}`);

  const theirs = await signIn(browser, other);
  const body = await theirs.page.textContent('body');
  check(!body.includes(order), `${other.user} sees ${client.id}'s order ${order}`);
  // a zero balance is on every page: only a figure of the client's own tells
  check(/^-?0\.00$/.test(expectedAvailable) || !body.includes(expectedAvailable), `${other.user} sees ${client.id}'s available ${expectedAvailable}`);
  const direct = await theirs.page.goto(`${baseUrl}/clients/${client.id}`);
  check(direct.status() === 403, `${other.user} opening ${client.id}'s page got ${direct.status()}`);
  const report = await theirs.page.request.get(`${baseUrl}/api/clients/${client.id}/reports/agent-report?period=${period}&format=xlsx`);
  check(report.status() === 403, `${other.user} downloading ${client.id}'s report got ${report.status()}`);
  console.log(JSON.stringify({ signedIn: client.user, available, downloaded: saved, otherRefused: true }));
} finally {
  await browser.close();
}
