// Quotewire workbench: one page that reads the public REST API (/api/v1) and shows it.
// Preact + htm (one module, no build step) for the views, Apache ECharts for the timeline and the
// co-occurrence network (loaded on the entity page only). Every state is an address:
//   /?q=Trump&speaker=&about=&speakerId=&source=&from=&to=&type=&sort=   search
//   /entities/6?interval=WEEK                                             entity profile
//   /articles/{id}                                                        article, quotes highlighted
//   /articles/{id}/quotes/{quoteId}                                       one quote and its cluster
//   /ingest, /ingest/documents/{id}, /ingest/feeds/{id}                   add articles (ingest-service): ingest.js
import { html, render, useState, useEffect, useRef, useMemo } from '/_static/htm/3.1.1/preact/standalone.module.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
const API = '/api/v1';
const KEY = 'quotewire.apiKey';

// ---------------------------------------------------------------------------------------------
// The API

function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}

function query(params) {
  const s = new URLSearchParams(clean(params)).toString();
  return s ? '?' + s : '';
}

async function api(path, params) {
  const headers = { Accept: 'application/json' };
  const key = localStorage.getItem(KEY);
  if (key) headers['X-API-Key'] = key;
  const r = await fetch(API + path + query(params), { headers });
  if (!r.ok) {
    let detail = r.statusText;
    try {
      const p = await r.json();
      detail = p.detail || p.title || detail;
    } catch (ignored) { /* not problem+json */ }
    throw new Error(`${r.status} ${detail}`);
  }
  return r.json();
}

/** One API answer: {data} or {error}, {loading} meanwhile. */
function useApi(path, params) {
  const key = path === null ? null : path + query(params);
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    setState({ loading: true });
    api(path, params).then((data) => live && setState({ data }), (error) => live && setState({ error }));
    return () => { live = false; };
  }, [key]);
  return state;
}

/** A keyset-paged list: the first page, then more() appends the next one (the API's nextCursor). */
function usePaged(path, params) {
  const key = path + query(params);
  const [s, set] = useState({ items: [], loading: true });
  useEffect(() => {
    let live = true;
    set({ items: [], loading: true });
    api(path, params).then(
      (p) => live && set({ items: p.items || p.occurrences || [], next: p.nextCursor, first: p }),
      (error) => live && set({ items: [], error }));
    return () => { live = false; };
  }, [key]);
  const more = () => {
    set((x) => ({ ...x, loading: true }));
    api(path, { ...params, cursor: s.next }).then(
      (p) => set((x) => ({ ...x, loading: false, items: x.items.concat(p.items || p.occurrences || []), next: p.nextCursor })),
      (error) => set((x) => ({ ...x, loading: false, error })));
  };
  return { ...s, more };
}

// ---------------------------------------------------------------------------------------------
// Addresses and navigation

const quoteHref = (q) => `/articles/${q.document.id}/quotes/${q.id}`;
const articleHref = (id) => `/articles/${id}`;
const entityHref = (id) => `/entities/${id}`;

function navigate(href, { focus = true } = {}) {
  history.pushState(null, '', href);
  route();
  window.scrollTo(0, 0);
  if (focus) document.querySelector('main')?.focus({ preventScroll: true });
}

document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.origin !== location.origin || a.target || a.hasAttribute('download')) return;
  if (a.pathname.startsWith('/api/') || a.pathname.startsWith('/q/')) return;
  if (a.pathname === location.pathname && a.search === location.search && a.hash) return; // in-page anchor
  e.preventDefault();
  navigate(a.pathname + a.search + a.hash);
});
window.addEventListener('popstate', () => route());
document.addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  if (e.key === '/' && !typing) {
    e.preventDefault();
    document.getElementById('q')?.focus();
  }
});

// ---------------------------------------------------------------------------------------------
// Small pieces

const fmtDate = (s) => (s ? new Date(s).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '');
const fmtDay = (s) => (s ? s.slice(0, 10) : '');
const n = (x) => (x ?? 0).toLocaleString('en');
/** "1 quote", "2 quotes" */
const count = (x, one, many = one + 's') => `${n(x)} ${x === 1 ? one : many}`;

/** A date field (YYYY-MM-DD) as the API's date-time: from = that day's start, to = the next day's start (to is exclusive). */
function dayStart(d) {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d;
}
function dayAfter(d) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().replace('.000Z', 'Z');
}

function Problem({ error }) {
  return html`<p class="problem" role="alert">Could not load: ${String(error.message || error)}</p>`;
}

function Loading() {
  return html`<p class="loading" aria-live="polite">Loading…</p>`;
}

function Speaker({ s }) {
  if (!s) return html`<span class="speaker none">speaker unknown</span>`;
  const how = s.resolution ? `found by ${s.resolution.toLowerCase()}${s.mention ? ` (“${s.mention.text}”)` : ''}` : '';
  return s.entityId
    ? html`<a class="speaker" href=${entityHref(s.entityId)} title=${how}>${s.name}</a>`
    : html`<span class="speaker unlinked" title=${how}>${s.name}</span>`;
}

function DocLine({ d }) {
  return html`<span class="doc"><a href=${articleHref(d.id)}>${d.title || 'Untitled article'}</a>${d.source ? html` · <span class="source">${d.source}</span>` : ''}${d.publishedAt ? html` · <time datetime=${d.publishedAt}>${fmtDate(d.publishedAt)}</time>` : ''}</span>`;
}

function QuoteItem({ q, doc = true }) {
  return html`<li class="quote-item">
    <a class="words" href=${quoteHref(q)}>“${q.text}”</a>
    <div class="meta"><${Speaker} s=${q.speaker} /> <span class="badge">${q.type.toLowerCase()}</span>${doc ? html` · <${DocLine} d=${q.document} />` : ''}</div>
  </li>`;
}

function Exports({ path, params, label }) {
  return html`<span class="exports" aria-label=${label}>Export:
    <a class="button" href=${`${API}/export/${path}${query({ ...params, format: 'CSV' })}`} download>CSV</a>
    <a class="button" href=${`${API}/export/${path}${query({ ...params, format: 'NDJSON' })}`} download>NDJSON</a></span>`;
}

function More({ list }) {
  if (list.loading && list.items.length) return html`<${Loading} />`;
  return list.next ? html`<button type="button" class="more" onClick=${list.more}>More</button>` : '';
}

/** ts_headline's passage: its <b> marks the hits; everything else is text. */
function Headline({ text }) {
  let bold = false;
  return text.split(/(<b>|<\/b>)/).map((part) => {
    if (part === '<b>') { bold = true; return null; }
    if (part === '</b>') { bold = false; return null; }
    return bold ? html`<b>${part}</b>` : part;
  });
}

// ---------------------------------------------------------------------------------------------
// Search: /?q=&speaker=&speakerId=&about=&source=&from=&to=&type=&sort=

const FILTERS = ['q', 'speaker', 'speakerId', 'about', 'source', 'from', 'to', 'type', 'sort', 'perFamily'];

function SearchForm({ f, filters }) {
  const submit = (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target).entries());
    navigate('/' + query(data), { focus: false });
  };
  const open = filters && FILTERS.some((k) => k !== 'q' && f[k]);
  return html`<form class="search" role="search" action="/" onSubmit=${submit}>
    <div class="box">
      <label for="q" class="visually-hidden">Search quotes, people, organisations, places and articles</label>
      <input id="q" name="q" type="search" value=${f.q || ''} placeholder="Search who said what: a name, words, a place… (press /)" autocomplete="off" />
      <button type="submit">Search</button>
    </div>
    ${filters && html`<details class="filters" open=${open}>
      <summary>Filters</summary>
      <div class="grid">
        <label>Speaker <input name="speaker" value=${f.speaker} placeholder="Trump" /></label>
        <label>About (entity id) <input name="about" value=${f.about} inputmode="numeric" pattern="[0-9]*" /></label>
        <label>Source <input name="source" value=${f.source} placeholder="exact outlet name" /></label>
        <label>From <input name="from" type="date" value=${f.from} /></label>
        <label>To (inclusive) <input name="to" type="date" value=${f.to} /></label>
        <label>Type <select name="type" value=${f.type}>
          <option value="">any</option><option value="DIRECT">direct</option><option value="PARTIAL">partial</option><option value="INDIRECT">indirect</option>
        </select></label>
        <label>Order <select name="sort" value=${f.sort}>
          <option value="">newest first</option><option value="RELEVANCE">best match first (needs words)</option>
        </select></label>
        <label class="check"><span><input name="perFamily" type="checkbox" value="true" checked=${f.perFamily === 'true'} /> each story once</span>
          <span class="hint">one copy of a quote per duplicate family</span></label>
        ${f.speakerId && html`<input type="hidden" name="speakerId" value=${f.speakerId} />`}
      </div>
    </details>`}
  </form>`;
}

function QuoteList({ title, params, hideEmpty, id }) {
  const list = usePaged('/quotes', params);
  if (hideEmpty && !list.loading && !list.error && !list.items.length) return '';
  const exportParams = { ...params };
  delete exportParams.sort;
  return html`<section class="list" id=${id} aria-busy=${list.loading}>
    <header><h2>${title}</h2><${Exports} path="quotes" params=${exportParams} label=${'Export ' + title} /></header>
    ${list.error && html`<${Problem} error=${list.error} />`}
    ${list.loading && !list.items.length ? html`<${Loading} />` : ''}
    ${!list.loading && !list.error && !list.items.length ? html`<p class="empty">No quotes.</p>` : ''}
    <ol class="quotes">${list.items.map((q) => html`<${QuoteItem} key=${q.id} q=${q} />`)}</ol>
    <${More} list=${list} />
  </section>`;
}

function EntityResults({ q }) {
  const list = usePaged('/entities', { q, limit: 8 });
  return html`<section class="list" id="entities" aria-busy=${list.loading}>
    <header><h2>People, organisations, places</h2></header>
    ${list.error && html`<${Problem} error=${list.error} />`}
    ${list.loading && !list.items.length ? html`<${Loading} />` : ''}
    ${!list.loading && !list.error && !list.items.length ? html`<p class="empty">No names match “${q}”.</p>` : ''}
    <ul class="entities">${list.items.map((e) => html`<li key=${e.id} class=${'entity-item t-' + e.type}>
      <a href=${entityHref(e.id)}>${e.name}</a> <span class="badge">${e.type.toLowerCase()}</span>
      <div class="meta">${count(e.quoteCount, 'quote')} · ${count(e.articleCount, 'article')} · ${count(e.mentionCount, 'mention')}</div>
      ${e.titles && e.titles.length ? html`<div class="meta">${e.titles.slice(0, 3).join('; ')}</div>` : ''}
    </li>`)}</ul>
    <${More} list=${list} />
  </section>`;
}

function ArticleList({ params, title }) {
  const list = usePaged('/documents', params);
  const total = list.first && list.first.total !== undefined
    ? ` (${n(list.first.total)}${list.first.totalExact === false ? ' or more' : ''})` : '';
  const exportParams = { ...params };
  delete exportParams.limit;
  return html`<section class="list" id="articles" aria-busy=${list.loading}>
    <header><h2>${title}${total}</h2><${Exports} path="documents" params=${exportParams} label="Export articles" /></header>
    ${list.error && html`<${Problem} error=${list.error} />`}
    ${list.loading && !list.items.length ? html`<${Loading} />` : ''}
    ${!list.loading && !list.error && !list.items.length ? html`<p class="empty">No articles.</p>` : ''}
    <ol class="articles">${list.items.map((hit) => html`<li key=${hit.document.id}>
      <${DocLine} d=${hit.document} />
      ${hit.headline ? html`<p class="headline"><${Headline} text=${hit.headline} /></p>` : ''}
    </li>`)}</ol>
    <${More} list=${list} />
  </section>`;
}

function ClusterList({ q }) {
  const list = usePaged('/quote-clusters', { q, limit: 10 });
  if (!list.loading && !list.error && !list.items.length) return '';
  return html`<section class="list" id="clusters">
    <header><h2>${q ? 'Most carried quotes with these words' : 'Most carried quotes'}</h2></header>
    ${list.error && html`<${Problem} error=${list.error} />`}
    <ol class="quotes">${list.items.map((c) => html`<li key=${c.id} class="quote-item">
      ${c.first ? html`<a class="words" href=${quoteHref(c.first)}>“${c.text}”</a>` : html`<span class="words">“${c.text}”</span>`}
      <div class="meta">${c.first ? html`<${Speaker} s=${c.first.speaker} /> · ` : ''}${count(c.occurrences, 'occurrence')} in ${count(c.documents, 'article')} (${count(c.families, 'story', 'stories')}) · first seen ${fmtDate(c.firstSeen)}</div>
    </li>`)}</ol>
    <${More} list=${list} />
  </section>`;
}

function EntityName({ id }) {
  const { data } = useApi(`/entities/${id}`, {});
  return html`<a href=${entityHref(id)}>${data ? data.name : `entity ${id}`}</a>`;
}

/** What the entity filters (ids in the address) stand for, by name. */
function FilterNote({ f }) {
  if (!f.about && !f.speakerId) return '';
  return html`<p class="note" id="filter-note">
    ${f.speakerId ? html`Quotes by <${EntityName} id=${f.speakerId} />` : 'Quotes'}${f.about ? html` about <${EntityName} id=${f.about} />` : ''}${f.about ? html`; articles naming it` : ''}.
    <a href=${'/' + query({ ...f, about: '', speakerId: '' })}>Clear</a></p>`;
}

function quotesTitle(f) {
  const by = f.speaker ? ` by “${f.speaker}”` : '';
  if (f.q) return `Quotes${by} with the words “${f.q}”`;
  return by ? `Quotes${by}` : 'Newest quotes';
}

function SearchPage({ params }) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  useEffect(() => { document.title = f.q ? `${f.q} · Quotewire` : 'Quotewire'; }, [f.q]);
  const common = { source: f.source, from: dayStart(f.from), to: dayAfter(f.to) };
  const quoteFilters = { ...common, speaker: f.speaker, speakerId: f.speakerId, about: f.about, type: f.type, perFamily: f.perFamily };
  const bySpeakerToo = f.q && !f.speaker && !f.speakerId;
  return html`<${Frame} f=${f} filters=${true}>
    <${FilterNote} f=${f} />
    <div class="results">
      <div class="main-col">
        ${bySpeakerToo && html`<${QuoteList} id="quotes-by" title=${`Quotes by “${f.q}”`} params=${{ ...quoteFilters, speaker: f.q }} hideEmpty=${true} />`}
        <${QuoteList} id="quotes" title=${quotesTitle(f)}
          params=${{ ...quoteFilters, q: f.q, sort: f.q ? f.sort : '' }} />
      </div>
      <aside class="side-col">
        ${f.q && html`<${EntityResults} q=${f.q} />`}
        <${ArticleList} title=${f.q ? 'Articles' : 'Newest articles'} params=${{ ...common, q: f.q, entity: f.about, limit: 10 }} />
        <${ClusterList} q=${f.q} />
      </aside>
    </div>
  <//>`;
}

// ---------------------------------------------------------------------------------------------
// Charts (ECharts, loaded when first needed)

let echartsLoading;
function loadEcharts() {
  echartsLoading = echartsLoading || new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = ECHARTS;
    s.onload = () => resolve(window.echarts);
    s.onerror = () => reject(new Error('could not load ' + ECHARTS));
    document.head.append(s);
  });
  return echartsLoading;
}

function EChart({ option, id, label, onChart }) {
  const ref = useRef();
  const [error, setError] = useState(null);
  useEffect(() => {
    let chart;
    let live = true;
    const resize = () => chart && chart.resize();
    loadEcharts().then((echarts) => {
      if (!live) return;
      chart = echarts.init(ref.current, null, { renderer: 'canvas' });
      chart.setOption(option);
      if (onChart) onChart(chart);
      window.addEventListener('resize', resize);
      ref.current.dataset.drawn = 'true';
    }, setError);
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      if (chart) chart.dispose();
    };
  }, [option]);
  return html`<div>
    ${error && html`<${Problem} error=${error} />`}
    <div class="chart" id=${id} ref=${ref} role="img" aria-label=${label}></div>
  </div>`;
}

const TYPE_COLORS = { PERSON: '#2f6fdf', ORGANIZATION: '#c2571a', LOCATION: '#2e8b57' };

function timelineOption(t) {
  const days = t.buckets.map((b) => fmtDay(b.start));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['mentions', 'quotes by it', 'articles'] },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'mentions', type: 'bar', data: t.buckets.map((b) => b.mentions), itemStyle: { color: '#9db7e8' } },
      { name: 'quotes by it', type: 'bar', data: t.buckets.map((b) => b.quotes), itemStyle: { color: '#2f6fdf' } },
      { name: 'articles', type: 'line', data: t.buckets.map((b) => b.articles), itemStyle: { color: '#c2571a' } },
    ],
  };
}

/** The entity in the middle, the co-occurring ones around it: the stronger the edge, the nearer and thicker. */
function networkOption(e) {
  const edges = e.cooccurring || [];
  const max = Math.max(1, ...edges.map((c) => c.weight));
  const nodes = [{
    id: String(e.id), name: e.name, x: 0, y: 0, symbolSize: 46, fixed: true,
    itemStyle: { color: TYPE_COLORS[e.type] }, label: { show: true, fontWeight: 'bold' },
  }];
  edges.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / edges.length - Math.PI / 2;
    const r = 120 + 120 * (1 - c.weight / max);
    nodes.push({
      id: String(c.entity.id), name: c.entity.name, x: r * Math.cos(angle), y: r * Math.sin(angle),
      symbolSize: 14 + 22 * (c.weight / max), value: c.weight,
      itemStyle: { color: TYPE_COLORS[c.entity.type] }, label: { show: true },
    });
  });
  return {
    animation: false,
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? `${p.data.value} articles name both` : p.data.name) },
    series: [{
      type: 'graph', layout: 'none', roam: true, data: nodes,
      label: { position: 'right', fontSize: 12 },
      lineStyle: { color: '#999', opacity: 0.8, curveness: 0 },
      emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
      links: edges.map((c) => ({ source: String(e.id), target: String(c.entity.id), value: c.weight, lineStyle: { width: 1 + 7 * (c.weight / max) } })),
    }],
  };
}

// ---------------------------------------------------------------------------------------------
// Entity: /entities/{id}?interval=DAY|WEEK

function Cooccurrence({ e }) {
  const [picked, pick] = useState(null);
  const option = useMemo(() => networkOption(e), [e]);
  const onChart = (chart) => chart.on('click', (p) => {
    if (p.dataType === 'node' && p.data.id !== String(e.id)) navigate(entityHref(p.data.id));
    if (p.dataType === 'edge') pick(e.cooccurring.find((c) => String(c.entity.id) === p.data.target) || null);
  });
  if (!e.cooccurring || !e.cooccurring.length) return html`<p class="empty">Named with no other entity yet.</p>`;
  return html`<div>
    <${EChart} id="network" option=${option} onChart=${onChart} label=${`Entities named in the same articles as ${e.name}`} />
    <p class="hint">Click a name to open it, an edge (or “articles” below) for the articles behind it.</p>
    ${picked && html`<div class="edge" id="edge-articles" role="region" aria-label="Articles behind the edge">
      <h3>${e.name} and <a href=${entityHref(picked.entity.id)}>${picked.entity.name}</a>: ${count(picked.weight, 'article')}</h3>
      <ul>${picked.documents.map((d) => html`<li key=${d.id}><${DocLine} d=${d} /></li>`)}</ul>
      ${picked.weight > picked.documents.length ? html`<p class="hint">The ${picked.documents.length} newest are listed.</p>` : ''}
    </div>`}
    <table class="edges"><thead><tr><th scope="col">Named with</th><th scope="col">Articles</th><th scope="col"></th></tr></thead>
      <tbody>${e.cooccurring.map((c) => html`<tr key=${c.entity.id}>
        <td><a href=${entityHref(c.entity.id)}>${c.entity.name}</a> <span class="badge">${c.entity.type.toLowerCase()}</span></td>
        <td class="num">${n(c.weight)}</td>
        <td><button type="button" class="link" onClick=${() => pick(c)}>articles</button></td>
      </tr>`)}</tbody></table>
  </div>`;
}

function EntityPage({ id, params }) {
  const interval = params.get('interval') === 'WEEK' ? 'WEEK' : 'DAY';
  const { data: e, error } = useApi(`/entities/${id}`, { interval });
  const timeline = useMemo(() => (e && e.timeline ? timelineOption(e.timeline) : null), [e]);
  useEffect(() => { if (e) document.title = `${e.name} · Quotewire`; }, [e]);
  if (error) return html`<${Frame}><${Problem} error=${error} /><//>`;
  if (!e) return html`<${Frame}><${Loading} /><//>`;
  return html`<${Frame}>
    <article class="entity">
      <header class="page-head">
        <h1>${e.name} <span class="badge">${e.type.toLowerCase()}</span></h1>
        ${e.mergedInto && html`<p class="note">Merged into <a href=${entityHref(e.mergedInto)}>entity ${e.mergedInto}</a> by a correction.</p>`}
        <dl class="facts">
          ${e.aliases && e.aliases.length ? html`<div><dt>Also written</dt><dd>${e.aliases.join(', ')}</dd></div>` : ''}
          ${e.titles && e.titles.length ? html`<div><dt>Titles and roles</dt><dd>${e.titles.join('; ')}</dd></div>` : ''}
          <div><dt>Seen in</dt><dd>${count(e.articleCount, 'article')}, ${count(e.mentionCount, 'mention')}</dd></div>
          <div><dt>Quoted</dt><dd>${count(e.quoteCount, 'time')}</dd></div>
          <div><dt>First seen</dt><dd>${fmtDate(e.firstSeen)}</dd></div>
          <div><dt>Last seen</dt><dd>${fmtDate(e.lastSeen)}</dd></div>
        </dl>
        <p class="actions">
          <a href=${'/' + query({ speakerId: e.id })}>All quotes by ${e.name}</a>${' · '}
          <a href=${'/' + query({ about: e.id })}>Quotes about ${e.name}</a>${' · '}
          <${Exports} path="quotes" params=${{ speakerId: e.id }} label="Export quotes by it" />
        </p>
      </header>
      <div class="results">
        <div class="main-col">
          <section id="timeline-section">
            <header><h2>Timeline</h2>
              <span class="toggle">per <a href=${`${entityHref(e.id)}`} aria-current=${interval === 'DAY' ? 'true' : null}>day</a>${' · '}<a href=${`${entityHref(e.id)}?interval=WEEK`} aria-current=${interval === 'WEEK' ? 'true' : null}>week</a></span></header>
            ${timeline && html`<${EChart} id="timeline" option=${timeline} label=${`Mentions and quotes of ${e.name} per ${interval.toLowerCase()}`} />`}
            ${e.timeline && html`<details class="as-table"><summary>as a table</summary>
              <table><thead><tr><th scope="col">${interval === 'WEEK' ? 'Week of' : 'Day'}</th><th scope="col">Mentions</th><th scope="col">Quotes by it</th><th scope="col">Articles</th></tr></thead>
              <tbody>${e.timeline.buckets.filter((b) => b.mentions || b.quotes || b.articles).map((b) => html`<tr key=${b.start}>
                <td>${fmtDay(b.start)}</td><td class="num">${n(b.mentions)}</td><td class="num">${n(b.quotes)}</td><td class="num">${n(b.articles)}</td></tr>`)}</tbody></table></details>`}
          </section>
          <section id="network-section"><header><h2>Named in the same articles</h2></header><${Cooccurrence} e=${e} /></section>
          <section id="entity-quotes"><header><h2>Newest quotes by ${e.name}</h2></header>
            ${e.quotes && e.quotes.length ? html`<ol class="quotes">${e.quotes.map((q) => html`<${QuoteItem} key=${q.id} q=${q} />`)}</ol>`
              : html`<p class="empty">No quotes by it.</p>`}
          </section>
        </div>
        <aside class="side-col">
          <section id="speakers"><header><h2>Who talks about ${e.name}</h2></header>
            ${e.topSpeakers && e.topSpeakers.length ? html`<ol class="plain">${e.topSpeakers.map((s) => html`<li key=${s.entity.id}>
              <a href=${entityHref(s.entity.id)}>${s.entity.name}</a> · <a href=${'/' + query({ about: e.id, speakerId: s.entity.id })}>${count(s.quotes, 'quote')}</a></li>`)}</ol>`
              : html`<p class="empty">Nobody quoted about it yet.</p>`}
          </section>
          <section id="entity-articles"><header><h2>Newest articles</h2>
            <${Exports} path="documents" params=${{ entity: e.id }} label="Export its articles" /></header>
            <ol class="articles">${(e.articles || []).map((a) => html`<li key=${a.document.id}><${DocLine} d=${a.document} />
              <div class="meta">${count((a.mentions || []).length, 'mention')}</div></li>`)}</ol>
            <a href=${'/' + query({ about: e.id })}>All articles and quotes about it</a>
          </section>
          <section id="why"><header><h2>Why these names are one ${e.type.toLowerCase()}</h2></header>
            <ul class="plain">${(e.why || []).map((w, i) => html`<li key=${i}><b>${w.alias}</b> <span class="badge">${(w.rule || '').toLowerCase()}</span>
              <div class="meta">${w.explanation}${w.documentId ? html` (<a href=${articleHref(w.documentId)}>article</a>)` : ''}</div></li>`)}</ul>
          </section>
          ${e.corrections && e.corrections.length ? html`<section id="corrections"><header><h2>Corrections</h2></header>
            <ul class="plain">${e.corrections.map((c) => html`<li key=${c.id}>${c.kind.toLowerCase()} #${c.id}: entity ${c.sourceId} ${c.kind === 'MERGE' ? 'into' : 'out of'} ${c.targetId}
              ${c.aliases && c.aliases.length ? ` (${c.aliases.join(', ')})` : ''} · ${fmtDate(c.createdAt)}${c.undoneAt ? ` · undone ${fmtDate(c.undoneAt)}` : ''}
              ${c.reason ? html`<div class="meta">${c.reason}</div>` : ''}</li>`)}</ul></section>` : ''}
        </aside>
      </div>
    </article>
  <//>`;
}

// ---------------------------------------------------------------------------------------------
// Article: /articles/{id}; quote: /articles/{id}/quotes/{quoteId}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the article's entities are named. The article view gives each entity's names (canonical and
 * aliases) but no offsets, so the names are looked for in the text: whole words, longest name first.
 */
function findMentions(text, entities) {
  const byName = new Map();
  for (const e of entities || []) {
    for (const name of [e.name, ...(e.aliases || [])]) {
      if (name && name.trim().length > 1 && !byName.has(name)) byName.set(name, e);
    }
  }
  if (!byName.size) return [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const found = [];
  for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, entity: byName.get(m[0]) });
  return found;
}

const CLOSING = '"”’\'»';

/**
 * The text cut where a quote part or a mention starts or ends, each piece knowing what covers it; a quote's
 * speaker tag goes after its last part and the closing quote marks that follow it.
 */
function annotate(text, quotes, mentions) {
  const cuts = new Set([0, text.length]);
  const parts = [];
  const tags = new Map();
  for (const q of quotes) {
    const ps = q.parts && q.parts.length ? q.parts : [{ start: q.start, end: q.end }];
    ps.forEach((p) => parts.push({ start: p.start, end: p.end, quote: q }));
    let at = ps[ps.length - 1].end;
    while (at < text.length && at - ps[ps.length - 1].end < 2 && CLOSING.includes(text[at])) at++;
    if (at <= text.length) {
      cuts.add(at);
      tags.set(at, (tags.get(at) || []).concat([q]));
    }
  }
  for (const r of [...parts, ...mentions]) {
    if (r.start >= 0 && r.end <= text.length && r.start < r.end) { cuts.add(r.start); cuts.add(r.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const part = parts.find((p) => p.start <= a && b <= p.end);
    const mention = mentions.find((m) => m.start <= a && b <= m.end);
    pieces.push({ text: text.slice(a, b), part, mention, tags: tags.get(b) || [] });
  }
  return pieces;
}

function ArticleText({ view, focus }) {
  const pieces = useMemo(() => annotate(view.text, view.quotes || [], findMentions(view.text, view.entities)), [view]);
  return html`<div class="article-text" id="article-text">${pieces.map((p) => {
    let node = p.mention
      ? html`<a class=${'mention t-' + p.mention.entity.type} href=${entityHref(p.mention.entity.id)} title=${p.mention.entity.name}>${p.text}</a>`
      : p.text;
    if (p.part) {
      const q = p.part.quote;
      node = html`<mark class=${'quote' + (String(q.id) === focus ? ' focus' : '')} data-quote=${q.id} title=${`${q.type.toLowerCase()} quote${q.speaker ? ' by ' + q.speaker.name : ''}`}>${node}</mark>`;
    }
    return html`${node}${p.tags.map((q) => html`<a class="said" href=${quoteHref({ id: q.id, document: view.document })} id=${'q' + q.id}
      title=${`${q.type.toLowerCase()} quote: open it and the articles that carried it`}>${q.speaker ? q.speaker.name : 'unknown speaker'}</a>`)}`;
  })}</div>`;
}

function ArticleHead({ d }) {
  return html`<header class="page-head">
    <h1>${d.title || 'Untitled article'}</h1>
    <p class="meta">${d.source ? html`<span class="source">${d.source}</span>` : ''}${d.publishedAt ? html` · <time datetime=${d.publishedAt}>${fmtDate(d.publishedAt)}</time>` : ''}
      ${d.url ? html` · <a href=${d.url} rel="noopener noreferrer" target="_blank">original</a>` : ''}</p>
  </header>`;
}

function ArticlePage({ view }) {
  const d = view.document;
  useEffect(() => { document.title = `${d.title || 'Article'} · Quotewire`; }, [d.id]);
  const quotes = view.quotes || [];
  return html`<article class="article">
    <${ArticleHead} d=${d} />
    <div class="results">
      <div class="main-col">
        <p class="legend"><mark class="quote">quoted words</mark> with the speaker after them; <a class="mention t-PERSON">names</a> link to the entity.</p>
        <${ArticleText} view=${view} focus=${location.hash.startsWith('#q') ? location.hash.slice(2) : null} />
      </div>
      <aside class="side-col">
        <section id="article-quotes"><header><h2>${count(quotes.length, 'quote')}</h2></header>
          <ol class="quotes">${quotes.map((q) => html`<${QuoteItem} key=${q.id} q=${{ ...q, document: d }} doc=${false} />`)}</ol></section>
        <section id="article-entities"><header><h2>Named here</h2></header>
          <ul class="chips">${(view.entities || []).map((e) => html`<li key=${e.id}><a class=${'chip t-' + e.type} href=${entityHref(e.id)}>${e.name}</a></li>`)}</ul></section>
        <section id="family"><header><h2>Same story elsewhere</h2></header>
          ${view.family && view.family.length ? html`<ol class="articles">${view.family.map((f) => html`<li key=${f.id}><${DocLine} d=${f} /></li>`)}</ol>`
            : html`<p class="empty">No copies or rewrites of this article.</p>`}</section>
      </aside>
    </div>
  </article>`;
}

function Sentence({ q }) {
  if (!q.sentence) return '';
  const base = q.sentenceStart ?? 0;
  const parts = (q.parts || []).map((p) => ({ start: p.start - base, end: p.end - base }))
    .filter((p) => p.start >= 0 && p.end <= q.sentence.length);
  const out = [];
  let at = 0;
  for (const p of parts) {
    out.push(q.sentence.slice(at, p.start), html`<mark class="quote">${q.sentence.slice(p.start, p.end)}</mark>`);
    at = p.end;
  }
  out.push(q.sentence.slice(at));
  return html`<p class="sentence">${out}</p>`;
}

function ClusterOccurrences({ clusterId, current }) {
  const list = usePaged(`/quote-clusters/${clusterId}`, { limit: 50 });
  const c = list.first && list.first.cluster;
  return html`<section id="cluster" aria-busy=${list.loading}>
    <header><h2>Every article that carried it${c ? html` <span class="count">${count(c.documents, 'article')}, ${count(c.families, 'story', 'stories')}</span>` : ''}</h2></header>
    ${list.error && html`<${Problem} error=${list.error} />`}
    ${c ? html`<p class="meta">First seen ${fmtDate(c.firstSeen)}, last seen ${fmtDate(c.lastSeen)}; first seen first.</p>` : ''}
    <table class="occurrences"><thead><tr><th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">Article</th><th scope="col">As written</th></tr></thead>
      <tbody>${list.items.map((o) => html`<tr key=${o.id} class=${String(o.id) === String(current) ? 'current' : ''}>
        <td class="outlet">${o.document.source || '—'}</td>
        <td>${o.document.publishedAt ? html`<time datetime=${o.document.publishedAt}>${fmtDate(o.document.publishedAt)}</time>` : '—'}</td>
        <td><a href=${articleHref(o.document.id)}>${o.document.title || 'article'}</a></td>
        <td><a href=${quoteHref(o)}>“${o.text}”</a></td>
      </tr>`)}</tbody></table>
    <${More} list=${list} />
  </section>`;
}

function QuotePage({ view, quoteId }) {
  const d = view.document;
  const q = (view.quotes || []).find((x) => String(x.id) === quoteId);
  useEffect(() => { if (q) document.title = `“${q.text.slice(0, 60)}” · Quotewire`; }, [quoteId]);
  if (!q) return html`<p class="problem" role="alert">Quote ${quoteId} is not in <a href=${articleHref(d.id)}>this article</a>.</p>`;
  const words = q.parts && q.parts.length > 1 ? q.parts.map((p) => p.text).join(' … ') : q.text;
  return html`<article class="quote-page">
    <blockquote class="words" id="quote-words"><p>“${words}”</p></blockquote>
    <p class="said-by">— <${Speaker} s=${q.speaker} />${q.cue ? html` <span class="meta">(${q.cue})</span>` : ''}</p>
    <dl class="facts">
      <div><dt>Type</dt><dd>${q.type.toLowerCase()}</dd></div>
      ${q.speaker && q.speaker.resolution ? html`<div><dt>Speaker found by</dt><dd>${q.speaker.resolution.toLowerCase()}${q.speaker.mention ? ` (“${q.speaker.mention.text}”)` : ''}</dd></div>` : ''}
      <div><dt>Article</dt><dd><${DocLine} d=${d} /> (<a href=${`${articleHref(d.id)}#q${q.id}`}>in the text</a>)</dd></div>
    </dl>
    ${q.sentence ? html`<section><header><h2>The sentence</h2></header><${Sentence} q=${q} /></section>` : ''}
    ${q.clusterId ? html`<${ClusterOccurrences} clusterId=${q.clusterId} current=${q.id} />` : ''}
  </article>`;
}

function DocumentRoute({ id, quoteId }) {
  const { data: view, error } = useApi(`/documents/${id}`, {});
  useEffect(() => {
    if (view && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [view]);
  return html`<${Frame}>
    ${error && html`<${Problem} error=${error} />`}
    ${!view && !error ? html`<${Loading} />` : ''}
    ${view && (quoteId ? html`<${QuotePage} view=${view} quoteId=${quoteId} />` : html`<${ArticlePage} view=${view} />`)}
  <//>`;
}

// ---------------------------------------------------------------------------------------------
// Frame and routes

function ApiKey() {
  const [key, setKey] = useState(localStorage.getItem(KEY) || '');
  const save = (e) => {
    e.preventDefault();
    const v = new FormData(e.target).get('key').trim();
    if (v) localStorage.setItem(KEY, v); else localStorage.removeItem(KEY);
    setKey(v);
    route();
  };
  return html`<details class="api-key"><summary>${key ? 'API key set' : 'API key'}</summary>
    <form onSubmit=${save}><label>X-API-Key (where reads need one; kept in this browser)
      <input name="key" type="password" value=${key} autocomplete="off" /></label> <button type="submit">Save</button></form></details>`;
}

function Frame({ f = {}, filters = false, children }) {
  return html`<div class="frame">
    <header class="top">
      <a class="brand" href="/">Quotewire</a>
      <${SearchForm} f=${f} filters=${filters} />
    </header>
    <main tabindex="-1">${children}</main>
    <footer class="bottom"><span>Quotewire reads its own <a href="/q/swagger-ui">REST API</a>; every page is a link you can share. <a href="/ingest" id="add-articles">Add articles</a></span> <${ApiKey} /></footer>
  </div>`;
}

/** The ingest pages, from their own module (ingest.js), loaded the first time one is opened. */
let ingestLoading;
function Ingest(props) {
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    ingestLoading = ingestLoading || import('/workbench/ingest.js');
    ingestLoading.then((mod) => setPage(() => mod.IngestPage), (e) => { ingestLoading = null; setError(e); });
  }, []);
  if (page) return html`<${page} ...${props} />`;
  return html`<${Frame}>${error ? html`<${Problem} error=${error} />` : html`<${Loading} />`}<//>`;
}

function Page() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(location.search);
  let m;
  if ((m = path.match(/^\/entities\/(\d+)$/))) return html`<${EntityPage} id=${m[1]} params=${params} />`;
  if ((m = path.match(/^\/articles\/([0-9a-fA-F-]{36})\/quotes\/(\d+)$/))) return html`<${DocumentRoute} id=${m[1]} quoteId=${m[2]} />`;
  if ((m = path.match(/^\/articles\/([0-9a-fA-F-]{36})$/))) return html`<${DocumentRoute} id=${m[1]} />`;
  if ((m = path.match(/^\/ingest(?:\/(documents|feeds)\/([0-9a-fA-F-]{36}))?$/))) {
    return html`<${Ingest} docId=${m[1] === 'documents' ? m[2] : null} feedId=${m[1] === 'feeds' ? m[2] : null} />`;
  }
  if (path === '/' || path === '/index.html') return html`<${SearchPage} params=${params} />`;
  return html`<${Frame}><p class="problem" role="alert">No page at ${path}. <a href="/">Search</a></p><//>`;
}

function route() {
  render(html`<${Page} key=${location.pathname + location.search} />`, document.getElementById('app'));
}


// what ingest.js (the ingest pages, loaded on demand) shares with the other pages
export { html, useState, useEffect, useRef, Frame, Loading, API, clean, query, count, fmtDate, n, articleHref };

document.getElementById('app').textContent = '';
route();
