#!/usr/bin/env node
/* browser.js: drive headless Chromium over the DevTools protocol (a pipe,
 * no npm package) through dyad's dashboard, the way a person would:
 * load it, type a dyad into the filter form, press Apply, check that the
 * chart and the table changed to that dyad, open an article and check its
 * evidence is highlighted, and save screenshots. Run by tests/test_browser.c.
 *
 * usage: node tests/browser.js URL DASHBOARD.png ARTICLE.png
 * Prints one JSON summary line; exit status 0 when every check held. */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, dashShot, articleShot] = process.argv.slice(2);
if (!url || !dashShot || !articleShot) {
  console.error('usage: node tests/browser.js URL DASHBOARD.png ARTICLE.png');
  process.exit(2);
}
const chrome = process.env.CHROMIUM || '/usr/bin/chromium';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-chromium-'));
const proc = spawn(chrome, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--hide-scrollbars', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });

/* ---- the protocol: NUL-separated JSON messages on fds 3 (to) and 4 (from) ---- */
let nextId = 1;
const waiting = new Map();
const problems = [];       /* console errors, exceptions, CSP reports */
let inbox = '';
proc.stdio[4].on('data', (chunk) => {
  inbox += chunk.toString('utf8');
  let cut;
  while ((cut = inbox.indexOf('\0')) >= 0) {
    const msg = JSON.parse(inbox.slice(0, cut));
    inbox = inbox.slice(cut + 1);
    if (msg.id && waiting.has(msg.id)) {
      const { resolve, reject, method } = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
      else resolve(msg.result);
    } else if (msg.method === 'Runtime.exceptionThrown') {
      problems.push(`exception: ${msg.params.exceptionDetails.text} ${JSON.stringify(msg.params.exceptionDetails.exception?.description || '')}`);
    } else if (msg.method === 'Log.entryAdded' && msg.params.entry.level === 'error') {
      problems.push(`console: ${msg.params.entry.text}`);
    } else if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') {
      problems.push(`console.error: ${msg.params.args.map((a) => a.value).join(' ')}`);
    }
  }
});
proc.stderr.on('data', () => {});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const msg = { id, method, params };
  if (sessionId) msg.sessionId = sessionId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, method });
    proc.stdio[3].write(JSON.stringify(msg) + '\0');
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let sid;

async function evaluate(expression) {
  const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sid);
  if (r.exceptionDetails) throw new Error(`evaluate ${expression}: ${r.exceptionDetails.text}`);
  return r.result.value;
}

async function waitFor(expression, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await evaluate(expression).catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/* A real mouse click at the middle of the element. */
async function click(selector) {
  const box = await evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
    e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
    await send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 }, sid);
}

async function type(selector, text) {
  await evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); e.focus(); e.select(); })()`);
  await send('Input.insertText', { text }, sid);
}

async function screenshot(file, width) {
  const m = await send('Page.getLayoutMetrics', {}, sid);
  const height = Math.min(4000, Math.ceil((m.cssContentSize || m.contentSize).height));
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sid);
  await sleep(300);
  const shot = await send('Page.captureScreenshot', { format: 'png' }, sid);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(shot.data, 'base64'));
  await send('Emulation.setDeviceMetricsOverride', { width, height: 1000, deviceScaleFactor: 1, mobile: false }, sid);
}

/* What the dashboard shows now. */
const STATE = `(() => {
  const chart = document.querySelector('#series svg');
  const rows = [...document.querySelectorAll('#events tbody tr')];
  return {
    filter: document.body.dataset.filter,
    search: location.search,
    title: document.querySelector('#series-title').textContent,
    total: chart ? +chart.dataset.total : -1,
    periods: chart ? +chart.dataset.periods : -1,
    bars: document.querySelectorAll('#series rect[class^="bar-"]').length,
    rows: rows.length,
    rowText: rows.map((r) => [...r.cells].slice(1, 4).map((c) => c.textContent).join(' | ')),
    countries: +(document.querySelector('#map svg')?.dataset.countries || 0),
    dyads: document.querySelectorAll('#dyads li').length,
    error: document.querySelector('#error').hidden ? '' : document.querySelector('#error').textContent,
  };
})()`;

async function main() {
  const checks = [];
  const check = (ok, what) => { checks.push({ ok: !!ok, what }); };
  const { targetInfos } = await send('Target.getTargets');
  let page = targetInfos.find((t) => t.type === 'page');
  const targetId = page ? page.targetId : (await send('Target.createTarget', { url: 'about:blank' })).targetId;
  ({ sessionId: sid } = await send('Target.attachToTarget', { targetId, flatten: true }));
  await send('Page.enable', {}, sid);
  await send('Runtime.enable', {}, sid);
  await send('Log.enable', {}, sid);
  await send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false }, sid);

  await send('Page.navigate', { url }, sid);
  await waitFor(`document.body && document.body.dataset.ready === '1'`, 'the dashboard');
  const before = await evaluate(STATE);
  check(before.total > 0 && before.bars > 0, 'the chart draws every event before filtering');
  check(before.rows > 0, 'the events table has rows');
  check(!before.error, 'no error shown');

  /* a person types a dyad and presses Apply */
  await type('input[name=a]', 'rus');
  await type('input[name=b]', 'ukr');
  await click('#apply');
  await waitFor(`document.body.dataset.ready === '1' && (document.body.dataset.filter || '').includes('dyad=')`, 'the filtered dashboard');
  const after = await evaluate(STATE);
  check(after.filter.includes('dyad=RUS%2CUKR'), 'the API was asked for the dyad RUS,UKR');
  check(/a=RUS/.test(after.search) && /b=UKR/.test(after.search), 'the URL keeps the filter');
  check(after.title.includes('RUS ⇄ UKR'), 'the chart is titled with the dyad');
  check(after.total > 0 && after.total < before.total, 'the chart now counts fewer events');
  check(after.bars > 0 && after.bars !== before.bars, 'the chart bars changed');
  check(after.rows > 0, 'the table still has rows');
  check(JSON.stringify(after.rowText) !== JSON.stringify(before.rowText), 'the table rows changed');
  check(after.rowText.every((t) => /RUS/.test(t) && /UKR/.test(t)), 'every row is between RUS and UKR');
  check(!after.error, 'no error shown after filtering');
  await screenshot(dashShot, 1400);

  /* open the first event's article: the evidence is highlighted */
  await click('#events tbody tr:first-child a');
  await waitFor(`document.body.dataset.article === 'ready'`, 'the article view');
  const art = await evaluate(`({
    title: document.querySelector('#article-title').textContent,
    marks: +document.querySelector('#article-text').dataset.marks,
    src: document.querySelectorAll('#article-text mark.src').length,
    verb: document.querySelectorAll('#article-text mark.verb').length,
    tgt: document.querySelectorAll('#article-text mark.tgt').length,
    events: document.querySelectorAll('#article-events li').length,
    visible: !document.querySelector('#article').hidden,
  })`);
  check(art.visible && art.title.length > 0, 'the article view opens with its title');
  check(art.src > 0 && art.verb > 0 && art.tgt > 0, 'actor, verb and target spans are highlighted');
  check(art.events > 0, 'the article lists its events');
  await click('#article-events li:first-child');
  const focused = await evaluate(`document.querySelectorAll('#article-text mark.focus').length`);
  check(focused > 0, 'clicking an event focuses its spans');
  await screenshot(articleShot, 1400);

  check(problems.length === 0, `no console errors or CSP violations${problems.length ? ': ' + problems.join('; ') : ''}`);
  return { before, after, article: art, checks };
}

let status = 1;
main()
  .then((r) => {
    const failed = r.checks.filter((c) => !c.ok);
    for (const c of failed) console.log(`FAILED: ${c.what}`);
    console.log(JSON.stringify({
      ok: failed.length === 0, checks: r.checks.length,
      before: { total: r.before.total, rows: r.before.rows, bars: r.before.bars },
      after: { total: r.after.total, rows: r.after.rows, bars: r.after.bars, title: r.after.title },
      article: r.article,
    }));
    status = failed.length ? 1 : 0;
  })
  .catch((e) => { console.log(`FAILED: ${e.message}${problems.length ? ' (' + problems.join('; ') + ')' : ''}`); })
  .finally(async () => {
    proc.kill('SIGKILL');
    await sleep(100);
    fs.rmSync(profile, { recursive: true, force: true });
    process.exit(status);
  });
