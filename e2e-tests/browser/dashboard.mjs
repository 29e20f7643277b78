// A client signs in to the dashboard in a real browser (Debian's Chromium, headless), in Russian and in English: the
// balance cards show the API's figures as the language writes them, the balance waterfall adds up to the buckets, the
// charts have more than one point, the page fits a 1366 px screen, the error pages are the hub's own, and each report
// downloaded in both languages holds the API's figures. The operator's page refreshes itself. Another client, signed in
// the same way, sees none of it.
// Usage: node dashboard.mjs <baseUrl> <downloadDir>   (users and expectations in the environment, see below)
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, downloads] = process.argv.slice(2);
const env = (name) => {
  const value = process.env[name];
  if (!value) { throw new Error(`${name} is not set`); }
  return value;
};
const client = { user: env('CLIENT_USER'), password: env('CLIENT_PASSWORD'), id: env('CLIENT_ID') };
const other = { user: env('OTHER_USER'), password: env('OTHER_PASSWORD') };
const operator = { user: env('OPERATOR_USER'), password: env('OPERATOR_PASSWORD') };
const order = env('EXPECTED_ORDER');
const period = env('REPORT_PERIOD');
const BUCKETS = ['pending', 'held', 'available', 'inFlight', 'paid'];
const WORDS = {
  ru: { heading: 'Балансы', buckets: { pending: 'Ожидает', held: 'Удержано', available: 'Доступно', inFlight: 'В пути', paid: 'Выплачено' },
        clientNet: 'Доход клиента', statement: 'Выписка', notFound: 'Не найдено', forbidden: 'Нет доступа' },
  en: { heading: 'Balances of', buckets: { pending: 'Pending', held: 'Held', available: 'Available', inFlight: 'In flight', paid: 'Paid' },
        clientNet: 'Client net', statement: 'Statement of', notFound: 'Not found', forbidden: 'No access' },
};

function check(condition, message) {
  if (!condition) { throw new Error(message); }
}

/** An amount as exact hundredths of a kopeck (no floating point): "3144.00" → 31440000n. */
function units(plain) {
  const [whole, fraction = ''] = String(plain).trim().replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  const value = BigInt(whole.replace('-', '') || '0') * 10000n + BigInt((fraction + '0000').slice(0, 4));
  return negative ? -value : value;
}

/** How the page's language writes an amount of roubles: "3 144,00 ₽" or "3,144.00 RUB" (spaces as any space). */
function written(plain, lang) {
  const [whole, fraction = '00'] = String(plain).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  const sign = String(plain).startsWith('-') ? '-' : '';
  return lang === 'ru' ? `${sign}${grouped},${fraction.padEnd(2, '0')} ₽` : `${sign}${grouped}.${fraction.padEnd(2, '0')} RUB`;
}
const spaces = (text) => text.replace(/\s+/g, ' ').trim();

async function signIn(browser, who, locale) {
  const context = await browser.newContext({ acceptDownloads: true, locale, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', who.user);
  await page.fill('input[name=password]', who.password);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  check(!page.url().includes('/login'), `${who.user} could not sign in: ${page.url()}`);
  return { context, page };
}

async function download(page, button, format, formatSelect, lang, prefix) {
  await page.selectOption(formatSelect, format);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const dir = join(downloads, lang);
  mkdirSync(dir, { recursive: true });
  const saved = join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  check(file.suggestedFilename().startsWith(prefix) && file.suggestedFilename().endsWith(`.${format}`), `downloaded ${file.suggestedFilename()}`);
  return saved;
}

/** The client's page in one language, checked against the API. */
async function clientPage(browser, lang) {
  const { page } = await signIn(browser, client, lang === 'ru' ? 'ru-RU' : 'en-GB');
  check(page.url().endsWith(`/clients/${client.id}`), `landed on ${page.url()}`);
  check(await page.getAttribute('html', 'lang') === lang, `the page is in ${await page.getAttribute('html', 'lang')}, not ${lang}`);
  check((await page.textContent('h1')).includes(WORDS[lang].heading), `the heading is not in ${lang}: ${await page.textContent('h1')}`);
  const api = (await (await page.request.get(`${baseUrl}/api/clients/${client.id}/balances`)).json()).find((b) => b.currency === 'RUB');

  // the cards: the API's figures, written as the language writes them
  for (const bucket of BUCKETS) {
    const card = page.locator(`#balances [data-currency=RUB] [data-bucket=${bucket}]`);
    check(await card.getAttribute('data-amount') === api[bucket], `${lang}: ${bucket} is ${await card.getAttribute('data-amount')}, the API says ${api[bucket]}`);
    check(spaces(await card.textContent()) === written(api[bucket], lang), `${lang}: ${bucket} reads "${await card.textContent()}", not "${written(api[bucket], lang)}"`);
  }

  // the waterfall: each bucket's lines add up to its total, and the total is the card
  const waterfall = page.locator('table.waterfall[data-currency=RUB]');
  const lines = await waterfall.locator('tbody tr').evaluateAll((rows) => rows.map((row) => ({
    line: row.getAttribute('data-line'),
    amounts: Object.fromEntries([...row.querySelectorAll('[data-bucket]')].map((c) => [c.getAttribute('data-bucket'), c.getAttribute('data-amount')])),
  })));
  check(lines.some((l) => l.line === 'orders') && lines.some((l) => l.line === 'charges') && lines.some((l) => l.line === 'payouts'),
    `${lang}: the waterfall lacks orders, charges or payouts: ${JSON.stringify(lines.map((l) => l.line))}`);
  for (const bucket of [...BUCKETS, 'owed']) {
    const sum = lines.reduce((total, l) => total + units(l.amounts[bucket]), 0n);
    const total = await waterfall.locator(`tfoot [data-bucket=${bucket}]`).getAttribute('data-amount');
    check(sum === units(total), `${lang}: the ${bucket} lines add up to ${sum}, the total row says ${total}`);
    if (bucket !== 'owed') {
      check(units(total) === units(api[bucket]), `${lang}: the waterfall's ${bucket} ${total} is not the balance ${api[bucket]}`);
    }
  }
  const charges = lines.find((l) => l.line === 'charges');
  check(units(charges.amounts.available) < 0n, `${lang}: the charges without an order take nothing: ${charges.amounts.available}`);
  check(await page.locator('#charges').count() === 1 && await page.locator('[data-event]').count() > 0, `${lang}: no charge is listed with its event`);

  // the charts: drawn by ECharts, the balance with a point per day, payouts per month, cash expected on its dates
  for (const [id, least] of [['chart-balance', 2], ['chart-payouts', 2], ['chart-expected', 1]]) {
    const points = await page.evaluate((chartId) => {
      const chart = window.echarts && window.echarts.getInstanceByDom(document.getElementById(chartId));
      return chart ? chart.getOption().xAxis[0].data.length : 0;
    }, id);
    check(points >= least, `${lang}: ${id} has ${points} point(s)`);
  }
  const owedSeries = await page.evaluate(() => window.echarts.getInstanceByDom(document.getElementById('chart-balance')).getOption().series[0].data);
  check(units(owedSeries[owedSeries.length - 1]) === units(api.pending) + units(api.held) + units(api.available) + units(api.inFlight),
    `${lang}: the balance chart ends at ${owedSeries[owedSeries.length - 1]}, not what is owed now`);
  check(new Set(owedSeries.map(String)).size > 1, `${lang}: the balance chart is flat: the demo's history does not show`);

  // fits a 1366 px screen, and the order is listed
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 1366, `${lang}: the page is ${width} px wide on a 1366 px screen`);
  check(await page.isVisible(`a:text("${order}")`), `${lang}: order ${order} is not listed`);
  check(await page.locator('link[rel=icon]').count() === 1 && (await page.request.get(`${baseUrl}/favicon.svg`)).ok(), 'no favicon');

  // the reports, downloaded in this language: the statement's closing balances are the API's; the agent's report is in the language
  await page.fill('#agent-report-period', period);
  const files = {};
  for (const format of ['csv', 'xlsx', 'pdf']) {
    files[`statement.${format}`] = await download(page, '#download-statement', format, '#statement-format', lang, `statement-${client.id}-`);
    files[`agent.${format}`] = await download(page, '#download-agent-report', format, '#agent-report-format', lang, `agent-report-${client.id}-${period}`);
  }
  const statement = readFileSync(files['statement.csv'], 'utf8');
  check(statement.includes(`${WORDS[lang].statement} ${client.id}`), `${lang}: the statement's title is not in ${lang}`);
  for (const bucket of BUCKETS) {
    const row = statement.split('\r\n').find((line) => line.startsWith(`RUB,${WORDS[lang].buckets[bucket]},`));
    check(row, `${lang}: the statement has no ${bucket} balance`);
    check(units(row.split(',')[4]) === units(api[bucket]), `${lang}: the statement closes ${bucket} at ${row.split(',')[4]}, the API says ${api[bucket]}`);
  }
  const agent = readFileSync(files['agent.csv'], 'utf8');
  const net = agent.split('\r\n').find((line) => line.startsWith(`${WORDS[lang].clientNet},`));
  check(net, `${lang}: the agent's report has no client net`);
  for (const format of ['xlsx', 'pdf']) {
    check(readFileSync(files[`statement.${format}`]).length > 500 && readFileSync(files[`agent.${format}`]).length > 500, `${lang}: an empty ${format}`);
  }
  check(readFileSync(files['agent.pdf']).subarray(0, 5).toString() === '%PDF-', `${lang}: the agent's report PDF is not a PDF`);

  // the hub's own error pages, styled, in the language
  const missing = await page.goto(`${baseUrl}/clients/${client.id}/orders/no-such-order`);
  check(missing.status() === 404, `${lang}: an unknown order answered ${missing.status()}`);
  check((await page.textContent('#error-page h2')).includes(WORDS[lang].notFound), `${lang}: the 404 page is not the hub's`);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('#error-page')).backgroundColor);
  check(styled === 'rgb(255, 255, 255)', `${lang}: the 404 page is not styled (${styled})`);
  return { api, net: net.split(',')[1] };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox'] });
try {
  const russian = await clientPage(browser, 'ru');
  const english = await clientPage(browser, 'en');
  check(units(russian.net) === units(english.net), `the agent's report's client net is ${russian.net} in Russian, ${english.net} in English`);

  // the switch: a Russian browser that picks English reads English from then on
  const { page: switching } = await signIn(browser, client, 'ru-RU');
  await Promise.all([switching.waitForLoadState('load'), switching.click('#lang-en')]);
  await switching.goto(`${baseUrl}/clients/${client.id}`);
  check(await switching.getAttribute('html', 'lang') === 'en', 'the language switch did not stick');

  // the operator's page is live: it reads itself again (every 10 s) without the operator doing anything
  const { page: operating } = await signIn(browser, operator, 'ru-RU');
  check(operating.url().endsWith('/operator'), `the operator landed on ${operating.url()}`);
  check(await operating.locator(`#operator-clients [data-client="${client.id}"]`).count() > 0, `the operator does not see ${client.id}`);
  await operating.evaluate(() => { document.getElementById('live-main').setAttribute('data-seen', 'before'); });
  await operating.waitForFunction(() => !document.getElementById('live-main').hasAttribute('data-seen'), null, { timeout: 25000 });
  check(await operating.locator(`#operator-clients [data-client="${client.id}"]`).count() > 0, 'the refreshed operator page lost the clients');

  const theirs = await signIn(browser, other, 'ru-RU');
  const body = await theirs.page.textContent('body');
  check(!body.includes(order), `${other.user} sees ${client.id}'s order ${order}`);
  const direct = await theirs.page.goto(`${baseUrl}/clients/${client.id}`);
  check(direct.status() === 403, `${other.user} opening ${client.id}'s page got ${direct.status()}`);
  check((await theirs.page.textContent('#error-page h2')).includes(WORDS.ru.forbidden), 'the 403 page is not the hub\'s');
  const report = await theirs.page.request.get(`${baseUrl}/api/clients/${client.id}/reports/agent-report?period=${period}&format=xlsx`);
  check(report.status() === 403, `${other.user} downloading ${client.id}'s report got ${report.status()}`);
  console.log(JSON.stringify({ signedIn: client.user, available: russian.api.available, languages: ['ru', 'en'], otherRefused: true }));
} finally {
  await browser.close();
}
