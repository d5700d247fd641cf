/* dyad's dashboard. Plain JavaScript, no libraries, nothing fetched from
 * elsewhere. Every piece of data reaches the page through textContent or
 * an SVG attribute, never as HTML; links to articles' sources are kept
 * only when they are http(s). Filters live in the URL, so a view can be
 * shared, and <body data-ready="1"> says when everything has been drawn. */
'use strict';

const QUADS = [
  { key: 'verbal_coop', cls: 'q1', name: 'Verbal cooperation', sign: 1 },
  { key: 'material_coop', cls: 'q2', name: 'Material cooperation', sign: 1 },
  { key: 'verbal_conflict', cls: 'q3', name: 'Verbal conflict', sign: -1 },
  { key: 'material_conflict', cls: 'q4', name: 'Material conflict', sign: -1 },
];
const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const PAGE = 25;
const SVGNS = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

/* ---- DOM helpers: text only ---- */

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (const k of kids) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  setAttrs(e, attrs);
  for (const k of kids) if (k) e.append(k instanceof Node ? k : String(k));
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'data') Object.assign(e.dataset, v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else e.setAttribute(k, String(v));
  }
}

function tip(text) { return svg('title', { text }); }

function safeUrl(u) { return /^https?:\/\//i.test(u || '') ? u : null; }

const fmtInt = new Intl.NumberFormat('en');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fmtDate(d) {
  if (!d) return '—';
  const s = String(d);
  return `${+s.slice(6, 8)} ${MONTHS[+s.slice(4, 6) - 1]} ${s.slice(0, 4)}`;
}

function fmtPeriod(p, by) {
  const [y, m, d] = p.split('-');
  if (by === 'month') return `${MONTHS[+m - 1]} ${y}`;
  return `${+d} ${MONTHS[+m - 1]}`;
}

/* ---- state: the URL ---- */

const FIELDS = ['q', 'a', 'b', 'place', 'quad', 'plover', 'from', 'to', 'factual', 'by', 'map', 'page'];

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const f of FIELDS) s[f] = p.get(f) || '';
  s.page = Math.max(0, parseInt(s.page, 10) || 0);
  /* by default only what happened: denials, conditions, plans and hedges
   * are left out until asked for (factual=0) */
  s.factual = p.get('factual') === '0' ? '' : '1';
  return s;
}

function writeState(s, push) {
  const p = new URLSearchParams();
  for (const f of FIELDS) if (s[f] && f !== 'factual' && !(f === 'page' && s[f] === 0)) p.set(f, s[f]);
  if (!s.factual) p.set('factual', '0');
  const url = `${location.pathname}${p.toString() ? '?' + p : ''}${location.hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/* The API filter for the current state. */
function filterParams(s) {
  const p = new URLSearchParams();
  const a = s.a.trim().toUpperCase(), b = s.b.trim().toUpperCase();
  if (a && b) p.set('dyad', `${a},${b}`);
  else if (a || b) p.set('actor', a || b);
  for (const f of ['q', 'place', 'quad', 'plover', 'from', 'to']) if (s[f]) p.set(f, s[f]);
  if (s.factual) p.set('factual', '1');
  return p;
}

async function api(path, params) {
  const r = await fetch(`/api/${path}${params && params.toString() ? '?' + params : ''}`);
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function showError(msg) {
  const e = $('error');
  e.textContent = msg || '';
  e.hidden = !msg;
}

/* ---- the filter form ---- */

function fillForm(s) {
  const f = $('filters');
  for (const name of ['q', 'a', 'b', 'place', 'quad', 'plover', 'from', 'to']) f.elements[name].value = s[name];
  f.elements.factual.checked = !!s.factual;
}

function readForm() {
  const f = $('filters');
  const s = readState();
  for (const name of ['q', 'a', 'b', 'place', 'quad', 'plover', 'from', 'to']) s[name] = f.elements[name].value.trim();
  s.a = s.a.toUpperCase();
  s.b = s.b.toUpperCase();
  s.factual = f.elements.factual.checked ? '1' : '';
  s.page = 0;
  return s;
}

/* ---- header numbers ---- */

async function loadTotals() {
  const { rows } = await api('totals');
  const t = rows[0] || {};
  const box = $('stats');
  box.replaceChildren(
    el('span', {}, el('b', { text: fmtInt.format(t.articles || 0) }), 'articles'),
    el('span', {}, el('b', { text: fmtInt.format(t.events || 0) }), 'events'),
    el('span', {}, el('b', { text: fmtInt.format(t.mentions || 0) }), 'mentions'),
    el('span', { text: t.first_date ? `${fmtDate(t.first_date)} – ${fmtDate(t.last_date)}` : 'no dated events yet' }));
}

/* ---- time series: cooperation up, conflict down, mean Goldstein as a line ---- */

/* Every period from the first to the last, so gaps show as gaps. */
function allPeriods(rows, by) {
  if (!rows.length) return [];
  const first = rows[0].period, last = rows[rows.length - 1].period;
  const out = [];
  if (by === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      if (++m > 12) { m = 1; y++; }
    }
    return out;
  }
  const step = by === 'week' ? 7 : 1;
  const d = new Date(first + 'T00:00:00Z'), end = new Date(last + 'T00:00:00Z');
  while (d <= end && out.length < 5000) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + step);
  }
  return out;
}

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function drawSeries(rows, by, title) {
  const box = $('series');
  const W = Math.max(320, box.clientWidth || 900), H = 300;
  const m = { l: 46, r: 46, t: 14, b: 30 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const periods = allPeriods(rows, by);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  const total = rows.reduce((n, r) => n + r.events, 0);
  root.dataset.total = String(total);
  root.dataset.periods = String(rows.length);
  if (!periods.length) {
    root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty', text: 'No dated events match these filters.' }));
    box.replaceChildren(root);
    return;
  }
  let up = 0, down = 0, gmax = 2;
  for (const r of rows) {
    up = Math.max(up, r.verbal_coop + r.material_coop);
    down = Math.max(down, r.verbal_conflict + r.material_conflict);
    if (r.goldstein !== null) gmax = Math.max(gmax, Math.abs(r.goldstein));
  }
  const ymax = niceMax(Math.max(up, down, 1));
  gmax = Math.ceil(gmax);
  const y = (v) => m.t + ih / 2 - (v / ymax) * (ih / 2);     /* counts, symmetric */
  const yg = (v) => m.t + ih / 2 - (v / gmax) * (ih / 2);     /* Goldstein, same zero */
  const bw = iw / periods.length;
  const x = (i) => m.l + i * bw;

  const grid = svg('g', { class: 'grid' });
  const axisL = svg('g', { class: 'axis' }), axisR = svg('g', { class: 'axis' }), axisX = svg('g', { class: 'axis' });
  for (const f of [-1, -0.5, 0.5, 1]) {
    const yy = y(f * ymax);
    grid.append(svg('line', { x1: m.l, x2: W - m.r, y1: yy, y2: yy }));
    axisL.append(svg('text', { x: m.l - 8, y: yy + 4, 'text-anchor': 'end', text: fmtInt.format(Math.abs(f * ymax)) }));
    axisR.append(svg('text', { x: W - m.r + 8, y: yg(f * gmax) + 4, text: (f * gmax > 0 ? '+' : '') + (f * gmax).toFixed(Math.abs(f * gmax) < 1 ? 1 : 0) }));
  }
  axisL.append(svg('text', { class: 'side', x: m.l + 6, y: m.t + 12, text: '▲ cooperation (events)' }));
  axisL.append(svg('text', { class: 'side', x: m.l + 6, y: H - m.b - 6, text: '▼ conflict (events)' }));
  axisR.append(svg('text', { class: 'side', x: W - m.r - 6, y: m.t + 12, 'text-anchor': 'end', text: 'mean Goldstein →' }));
  const labels = Math.max(2, Math.floor(iw / 90));
  const every = Math.max(1, Math.ceil(periods.length / labels));
  periods.forEach((p, i) => {
    if (i % every) return;
    axisX.append(svg('text', { x: x(i) + bw / 2, y: H - 8, 'text-anchor': 'middle', text: fmtPeriod(p, by) }));
  });

  const bars = svg('g', {});
  const hover = svg('g', {});
  const pts = [];
  const gap = bw > 6 ? Math.min(3, bw * 0.18) : 0;
  periods.forEach((p, i) => {
    const r = byPeriod.get(p);
    if (r) {
      let upTop = 0, downTop = 0;
      for (const q of QUADS) {
        const v = r[q.key] || 0;
        if (!v) continue;
        const x0 = x(i) + gap / 2, w = Math.max(0.5, bw - gap);
        if (q.sign > 0) {
          bars.append(svg('rect', { class: `bar-${q.cls}`, x: x0, y: y(upTop + v), width: w, height: y(upTop) - y(upTop + v) }));
          upTop += v;
        } else {
          bars.append(svg('rect', { class: `bar-${q.cls}`, x: x0, y: y(-downTop), width: w, height: y(-(downTop + v)) - y(-downTop) }));
          downTop += v;
        }
      }
      if (r.goldstein !== null) pts.push([x(i) + bw / 2, yg(r.goldstein)]);
    }
    const t = r ? `${fmtPeriod(p, by)} ${p.slice(0, 4)}: ${r.events} events (${r.mentions} mentions)\n` +
      QUADS.map((q) => `${q.name}: ${r[q.key]}`).join('\n') + `\nMean Goldstein: ${r.goldstein === null ? '—' : r.goldstein}`
      : `${fmtPeriod(p, by)} ${p.slice(0, 4)}: no events`;
    hover.append(svg('rect', { class: 'hover-col', x: x(i), y: m.t, width: bw, height: ih }, tip(t)));
  });
  const zero = svg('line', { class: 'zero', x1: m.l, x2: W - m.r, y1: y(0), y2: y(0) });
  root.append(grid, bars, zero);
  if (pts.length > 1) root.append(svg('path', { class: 'gs-line', d: 'M' + pts.map((q) => q.map((v) => v.toFixed(1)).join(',')).join('L') }));
  if (pts.length <= 60) for (const [px, py] of pts) root.append(svg('circle', { class: 'gs-dot', cx: px, cy: py, r: 2.6 }));
  root.append(axisL, axisR, axisX, hover);
  box.replaceChildren(root);
}

function drawSeriesLegend() {
  $('series-legend').replaceChildren(
    ...QUADS.map((q) => el('span', {}, el('i', { class: `i-${q.cls}` }), q.name)),
    el('span', {}, el('i', { class: 'i-gs line' }), 'Mean Goldstein (right axis)'));
}

function pickBy(s, rows) {
  if (s.by) return s.by;
  return rows && rows.length > 150 ? 'week' : 'day';
}

async function loadSeries(s, params) {
  let by = s.by || 'day';
  const p = new URLSearchParams(params);
  p.set('by', by);
  let { rows } = await api('series', p);
  if (!s.by && rows.length > 150) {           /* too many days for bars: weeks */
    by = rows.length > 1100 ? 'month' : 'week';
    p.set('by', by);
    ({ rows } = await api('series', p));
  }
  for (const b of document.querySelectorAll('.seg button')) b.classList.toggle('on', b.dataset.by === by);
  const who = filterParams(s).get('dyad') || filterParams(s).get('actor');
  const title = who ? `Conflict and cooperation: ${who.replace(',', ' ⇄ ')}` : 'Conflict and cooperation over time';
  $('series-title').textContent = title;
  drawn.series = [rows, by, title];
  drawSeries(rows, by, title);
}

/* What the charts were last drawn from: a resize redraws it, no fetching. */
const drawn = { series: null, map: null };

/* ---- map: an equirectangular grid, countries as dots, events as circles ---- */

let GEO = null;       /* iso3 -> {name, lat, lon} */

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

/* Mean Goldstein -10..10 to a colour: conflict red, neutral sand, cooperation green. */
function gsColour(g) {
  const red = [217, 93, 57], sand = [214, 205, 186], green = [63, 143, 107];
  const t = Math.max(-1, Math.min(1, (g || 0) / 3));
  const c = t < 0 ? mix(sand, red, -t) : mix(sand, green, t);
  return `rgb(${c.join(',')})`;
}

/* Points on the map: events where they happened (places), or the
 * countries of the actors; circle area by events, colour by Goldstein. */
function mapPoints(mode, countries, places) {
  if (mode === 'places') {
    return places.map((p) => ({
      lat: p.lat, lon: p.lon, n: p.events, goldstein: p.goldstein, label: (p.name || '').split(',')[0],
      title: `${p.name}: ${fmtInt.format(p.events)} events; mean Goldstein ${p.goldstein ?? '—'}`,
      click: () => focusPlace((p.name || p.country || '').split(',')[0]),
    }));
  }
  return countries.filter((c) => GEO && GEO.has(c.country)).map((c) => {
    const geo = GEO.get(c.country);
    return {
      lat: geo.lat, lon: geo.lon, n: c.events, goldstein: c.goldstein, label: c.country,
      title: `${geo.name} (${c.country}): ${fmtInt.format(c.events)} events, ${c.conflict} conflict, ${c.cooperation} cooperation; mean Goldstein ${c.goldstein ?? '—'}`,
      click: () => focusActor(c.country),
    };
  });
}

function drawMap(mode, countries, places) {
  const W = 360, top = 12, bottom = 152;     /* latitudes 78N..62S */
  const px = (lon) => lon + 180, py = (lat) => 90 - lat;
  const root = svg('svg', { viewBox: `0 ${top} ${W} ${bottom - top}`, role: 'img',
    'aria-label': mode === 'places' ? 'Map of where events happened' : 'Map of the actors\' countries' });
  const g = svg('g', {});
  for (let lon = -180; lon <= 180; lon += 30) g.append(svg('line', { class: 'graticule', x1: px(lon), x2: px(lon), y1: top, y2: bottom }));
  for (let lat = -60; lat <= 75; lat += 15) g.append(svg('line', { class: lat === 0 ? 'equator' : 'graticule', x1: 0, x2: W, y1: py(lat), y2: py(lat) }));
  root.append(g);
  const land = svg('g', {});
  if (GEO) for (const [code, c] of GEO) land.append(svg('circle', { class: 'land', cx: px(c.lon), cy: py(c.lat), r: 1.3 }, tip(`${c.name} (${code})`)));
  root.append(land);
  const pts = mapPoints(mode, countries, places).sort((a, b) => b.n - a.n);
  const max = Math.max(1, ...pts.map((p) => p.n));
  const radius = (p) => 1.2 + 8 * Math.sqrt(p.n / max);
  const bubbles = svg('g', {});
  for (const p of pts.slice().reverse()) {
    bubbles.append(svg('circle', { class: 'bubble', cx: px(p.lon), cy: py(p.lat), r: radius(p), fill: gsColour(p.goldstein), on: { click: p.click } }, tip(p.title)));
  }
  for (const p of pts.slice(0, 6)) {
    bubbles.append(svg('text', { class: 'bubble-label', x: px(p.lon) + radius(p) + 1, y: py(p.lat) + 2, text: p.label }));
  }
  root.append(bubbles);
  root.dataset.points = String(pts.length);
  root.dataset.countries = String(mode === 'actors' ? pts.length : 0);
  $('map-title').textContent = mode === 'places' ? 'Where events happened' : 'Where the actors are from';
  for (const b of document.querySelectorAll('#map-mode button')) b.classList.toggle('on', b.dataset.map === mode);
  const box = $('map');
  box.replaceChildren(root);
  if (!pts.length) box.append(el('p', { class: 'empty-note', text: mode === 'places' ? 'No event places are stored for these filters.' : 'No actor countries to show.' }));
  if (!GEO || !GEO.size) box.append(el('p', { class: 'empty-note', text: 'Country positions are not available (data/geo/countries.tsv is missing).' }));
}

async function loadGeo() {
  if (GEO) return;
  const rows = await fetch('/api/geo').then((r) => r.json()).catch(() => []);
  GEO = new Map(rows.map(([code, name, lat, lon]) => [code, { name, lat, lon }]));
  const list = $('actor-codes');
  list.replaceChildren(...[...GEO].sort((a, b) => a[1].name.localeCompare(b[1].name)).map(([code, c]) => el('option', { value: code, text: c.name })));
}

/* ---- top dyads ---- */

function drawDyads(rows) {
  const box = $('dyads');
  if (!rows.length) {
    box.replaceChildren(el('li', { class: 'empty-note', text: 'No dyads match these filters.' }));
    return;
  }
  const max = Math.max(...rows.map((r) => r.events));
  box.replaceChildren(...rows.map((r) => {
    const coop = r.events - r.conflict;
    const bar = el('div', { class: 'bar' });
    const w = (n) => `${(100 * n / max).toFixed(1)}%`;
    const ic = el('i', { class: 'i-q2' }), ik = el('i', { class: 'i-q4' });
    ic.style.width = w(coop);
    ik.style.width = w(r.conflict);
    bar.append(ic, ik);
    return el('li', { title: `${r.events} events (${r.mentions} mentions), ${r.conflict} conflict; mean Goldstein ${r.goldstein}`, on: { click: () => focusDyad(r.source, r.target) } },
      el('span', { class: 'pair' }, r.source, el('span', { text: '→' }), r.target),
      el('span', { class: 'count', text: fmtInt.format(r.events) }), bar);
  }));
}

/* ---- events table ---- */

const FLAGS = [['negated', 'denied'], ['conditional', 'if'], ['future', 'future'], ['hedged', 'hedged'], ['reported', 'reported']];
const QUAD_CLASS = { 1: 'i-q1', 2: 'i-q2', 3: 'i-q3', 4: 'i-q4' };

function actorCell(code, text) {
  return el('td', { class: 'actor' }, code === '---' ? '—' : code, text ? el('small', { text }) : null);
}

function drawEvents(rows, s) {
  const body = $('events').tBodies[0];
  body.replaceChildren(...rows.map((r) => {
    const what = el('td', {},
      el('span', { class: `badge ${QUAD_CLASS[r.quad] || ''}`, title: QUADS[(r.quad || 1) - 1].name }),
      el('span', { class: 'code', text: r.code }), r.name || r.verb_text,
      ...FLAGS.filter(([k]) => r[k]).map(([, label]) => el('span', { class: 'flag', text: label })));
    what.title = `“${r.verb_text}” · ${r.plover || ''}`;
    const link = el('a', { href: `#article=${encodeURIComponent(r.article)}`, text: r.title || r.article });
    return el('tr', { data: { id: r.id } },
      el('td', { class: 'date', text: fmtDate(r.date) }),
      actorCell(r.source, r.source_text), what, actorCell(r.target, r.target_text),
      el('td', { class: 'num', text: r.goldstein === null ? '—' : r.goldstein.toFixed(1) }),
      el('td', { class: 'num', title: `${r.num_articles} articles from ${r.num_sources} sources`, text: r.num_mentions ?? '' }),
      el('td', {}, link, r.outlet ? el('small', { class: 'hint', text: ` · ${r.outlet}` }) : null));
  }));
  if (!rows.length) body.append(el('tr', {}, el('td', { colspan: 7, class: 'empty-note', text: 'No events match these filters.' })));
  body.dataset.rows = String(rows.length);
  $('page').textContent = rows.length ? `${s.page * PAGE + 1}–${s.page * PAGE + rows.length}` : '';
  $('prev').disabled = s.page === 0;
  $('next').disabled = rows.length < PAGE;
}

/* ---- loading ---- */

let generation = 0;

async function loadDashboard() {
  const s = readState();
  const mine = ++generation;
  document.body.dataset.ready = '0';
  fillForm(s);
  showError('');
  const params = filterParams(s);
  const page = new URLSearchParams(params);
  page.set('limit', String(PAGE));
  page.set('offset', String(s.page * PAGE));
  const dy = new URLSearchParams(params);
  dy.set('limit', '8');
  try {
    await loadGeo();
    const [, countries, places, dyads, events] = await Promise.all([
      loadSeries(s, params), api('countries', params), api('places', params), api('dyads', dy), api('events', page)]);
    if (mine !== generation) return;
    drawn.map = [s.map || (places.rows.length ? 'places' : 'actors'), countries.rows, places.rows];
    drawMap(...drawn.map);
    drawDyads(dyads.rows);
    drawEvents(events.rows, s);
  } catch (e) {
    if (mine === generation) showError(e.message);
  }
  if (mine === generation) {
    document.body.dataset.filter = params.toString();
    document.body.dataset.ready = '1';
  }
}

function apply(s) {
  writeState(s, true);
  loadDashboard();
}

function focusActor(code) {
  const s = readState();
  s.a = code;
  s.b = '';
  s.page = 0;
  apply(s);
}

function focusPlace(name) {
  const s = readState();
  s.place = name;
  s.page = 0;
  apply(s);
}

function focusDyad(a, b) {
  const s = readState();
  s.a = a;
  s.b = b;
  s.page = 0;
  apply(s);
}

/* ---- article view ---- */

/* Byte offsets (as the store keeps them) to string indices (UTF-16). */
function byteIndex(text) {
  const enc = new TextEncoder();
  const idx = [];
  let i = 0;
  for (const ch of text) {
    const n = enc.encode(ch).length;
    for (let k = 0; k < n; k++) idx.push(i);
    i += ch.length;
  }
  idx.push(i);
  return (b) => idx[Math.max(0, Math.min(b, idx.length - 1))];
}

const ROLE = { src: 'actor', verb: 'action', tgt: 'target', quote: 'quotation', speaker: 'speaker' };

function drawArticle(a) {
  const art = a.article;
  const url = safeUrl(art.url);
  $('article-meta').replaceChildren(
    art.outlet || 'Unknown outlet', ' · ', fmtDate(art.date),
    art.byline ? ` · ${art.byline}` : '', art.dateline ? ` · ${art.dateline}` : '',
    url ? ' · ' : '', url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: 'original' }) : null);
  $('article-title').textContent = art.title || art.id;
  $('article-legend').replaceChildren(
    ...['src', 'verb', 'tgt', 'quote', 'speaker'].map((k) => el('span', {}, el('i', { class: `i-${k}` }), ROLE[k])));

  const text = art.text || '';
  const at = byteIndex(text);
  /* every highlighted range: [start, end, class, event index] in string indices */
  const spans = [];
  a.events.forEach((e, i) => {
    for (const [k, s0, s1] of [['src', e.source_start, e.source_end], ['verb', e.verb_start, e.verb_end], ['tgt', e.target_start, e.target_end]])
      if (s1 > s0) spans.push([at(s0), at(s1), k, i]);
  });
  for (const q of a.quotations) {
    if (q.end > q.start) spans.push([at(q.start), at(q.end), 'quote', -1]);
    if (q.speaker_end > q.speaker_start) spans.push([at(q.speaker_start), at(q.speaker_end), 'speaker', -1]);
  }
  const cuts = new Set([0, text.length]);
  for (const [s0, s1] of spans) { cuts.add(s0); cuts.add(s1); }
  const points = [...cuts].sort((x, y) => x - y);
  const box = $('article-text');
  const parts = [];
  const order = ['verb', 'src', 'tgt', 'speaker'];
  for (let i = 0; i + 1 < points.length; i++) {
    const s0 = points[i], s1 = points[i + 1];
    const piece = text.slice(s0, s1);
    const over = spans.filter(([a0, a1]) => a0 <= s0 && a1 >= s1);
    if (!over.length) { parts.push(document.createTextNode(piece)); continue; }
    const kinds = new Set(over.map((o) => o[2]));
    const main = order.find((k) => kinds.has(k));
    const cls = [main, kinds.has('quote') ? 'quote' : null].filter(Boolean).join(' ');
    const evs = [...new Set(over.map((o) => o[3]).filter((n) => n >= 0))];
    parts.push(el('mark', { class: cls, title: [...kinds].map((k) => ROLE[k]).join(', '), data: { ev: evs.join(' ') } }, piece));
  }
  box.replaceChildren(...parts);
  box.dataset.marks = String(box.querySelectorAll('mark').length);

  $('article-events').replaceChildren(...a.events.map((e, i) => {
    const li = el('li', { data: { ev: String(i) }, on: { click: () => focusEvent(i, li) } },
      el('div', { class: 'who' }, e.source === '---' ? '—' : e.source, ' → ', e.target === '---' ? '—' : e.target),
      el('div', {}, el('span', { class: 'code', text: e.code }), e.name || ''),
      el('div', { class: 'why', text: `“${e.source_text}” · “${e.verb_text}” · “${e.target_text}”` }),
      el('div', { class: 'why', text: `${e.plover || ''} · Goldstein ${e.goldstein ?? '—'} · ${e.num_mentions || 1} mention(s) in ${e.num_articles || 1} article(s)` +
        FLAGS.filter(([k]) => e[k]).map(([, l]) => ` · ${l}`).join('') }));
    li.style.borderLeftColor = `var(--${['q1', 'q2', 'q3', 'q4'][(e.quad || 1) - 1]})`;
    return li;
  }));
  if (!a.events.length) $('article-events').append(el('li', { class: 'empty-note', text: 'No event was coded in this article.' }));
  $('article-quotes').replaceChildren(...(a.quotations.length ? [el('h3', { text: 'Quotations' }),
    el('ul', { class: 'quotes' }, ...a.quotations.map((q) => el('li', {},
      el('q', { text: q.text }),
      el('div', { class: 'why', text: `${q.speaker_name || q.speaker || 'unknown speaker'}${q.speaker_code ? ' (' + q.speaker_code + ')' : ''}${q.verb ? ' · ' + q.verb : ''} · ${q.kind}` }))))] : []));
  $('article-copies').replaceChildren(...(a.copies.length ? [el('h3', { text: 'Also published as' }),
    el('ul', {}, ...a.copies.map((c) => el('li', {}, safeUrl(c.url) ? el('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank', text: c.outlet || c.id }) : (c.outlet || c.id))))] : []));
}

function focusEvent(i, li) {
  for (const m of document.querySelectorAll('#article-text mark')) m.classList.toggle('focus', m.dataset.ev.split(' ').includes(String(i)));
  for (const x of document.querySelectorAll('#article-events li')) x.classList.toggle('on', x === li);
  const first = document.querySelector('#article-text mark.focus');
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function route() {
  const m = location.hash.match(/^#article=(.+)$/);
  const view = $('article');
  if (!m) {
    view.hidden = true;
    document.body.dataset.view = 'dashboard';
    document.body.classList.remove('reading');
    return;
  }
  document.body.dataset.view = 'article';
  document.body.classList.add('reading');
  document.body.dataset.article = 'loading';
  view.hidden = false;
  window.scrollTo(0, 0);
  try {
    drawArticle(await api('article', new URLSearchParams({ article: decodeURIComponent(m[1]) })));
    document.body.dataset.article = 'ready';
  } catch (e) {
    $('article-title').textContent = e.message;
    document.body.dataset.article = 'error';
  }
}

/* ---- wiring ---- */

function init() {
  const plover = $('filters').elements.plover;
  for (const p of PLOVER) plover.append(el('option', { value: p, text: p.toLowerCase() }));
  drawSeriesLegend();
  $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); apply(readForm()); });
  $('reset').addEventListener('click', () => apply({ q: '', a: '', b: '', place: '', quad: '', plover: '', from: '', to: '', factual: '1', by: '', map: '', page: 0 }));
  for (const b of document.querySelectorAll('#map-mode button')) b.addEventListener('click', () => { const s = readState(); s.map = b.dataset.map; apply(s); });
  for (const b of document.querySelectorAll('.seg button')) b.addEventListener('click', () => { const s = readState(); s.by = b.dataset.by; apply(s); });
  $('prev').addEventListener('click', () => { const s = readState(); s.page = Math.max(0, s.page - 1); apply(s); });
  $('next').addEventListener('click', () => { const s = readState(); s.page += 1; apply(s); });
  $('back').addEventListener('click', () => { history.pushState(null, '', location.pathname + location.search); route(); });
  window.addEventListener('popstate', () => { loadDashboard(); route(); });
  window.addEventListener('hashchange', route);
  let resize;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => { if (drawn.series) drawSeries(...drawn.series); if (drawn.map) drawMap(...drawn.map); }, 150);
  });
  loadTotals().catch((e) => showError(e.message));
  loadDashboard();
  route();
}

document.addEventListener('DOMContentLoaded', init);
