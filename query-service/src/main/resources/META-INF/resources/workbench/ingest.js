// Quotewire workbench, adding articles: /ingest (the form), /ingest/documents/{id} (a document's way to the
// index), /ingest/feeds/{id}. Loaded by app.js when one of these addresses is opened (the other pages never load it).
import { html, useState, useEffect, useRef, Frame, Loading, API, clean, query, count, fmtDate, n, articleHref } from './app.js';

// The form calls ingest-service directly from the browser: its address comes from query-service's
// /workbench/config.json (quotewire.workbench.ingest-url), and ingest-service must allow this origin by
// CORS. The write key is typed by the user, sent only as X-API-Key to ingest-service, and kept (when asked)
// in sessionStorage for this tab, never in the address or a log.

const WRITE_KEY = 'quotewire.writeKey';

let configLoading;
function workbenchConfig() {
  configLoading = configLoading || fetch('/workbench/config.json', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : {}), () => ({}));
  return configLoading;
}

/** An answer of ingest-service that is not a success: the API's problem (RFC 9457), or why there was none. */
class CallProblem extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
}

/**
 * A header value as its UTF-8 bytes, one character a byte (what fetch can send; ingest-service reads X-Title and
 * X-Source as UTF-8), on one line.
 */
function headerValue(s) {
  return String.fromCharCode(...new TextEncoder().encode(s.replace(/[\r\n]+/g, ' ')));
}

/** A call to ingest-service: body is sent as JSON, text as text/plain with the given headers. */
async function ingestCall(base, path, { method = 'GET', key, body, text, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers['X-API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (text !== undefined) headers['Content-Type'] = 'text/plain; charset=utf-8';
  for (const [k, v] of Object.entries(extra)) if (v) headers[k] = headerValue(v);
  let r;
  try {
    r = await fetch(base + API + path, {
      method, headers, body: text !== undefined ? text : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new CallProblem({
      title: 'ingest-service did not answer',
      detail: `No answer from ${base}: is it running, and does it allow this page's origin (${location.origin}) by CORS?`,
    });
  }
  let payload = null;
  try { payload = await r.json(); } catch (ignored) { /* no JSON body */ }
  if (!r.ok) {
    const p = payload && typeof payload === 'object' ? payload : {};
    throw new CallProblem({
      status: r.status, title: p.title || r.statusText || `HTTP ${r.status}`, detail: p.detail, retryAfter: r.headers.get('Retry-After'),
    });
  }
  return { status: r.status, data: payload };
}

function CallProblemView({ p, id }) {
  return html`<div class="problem" role="alert" id=${id}>
    <b class="problem-title">${p.title}${p.status ? ` (${p.status})` : ''}</b>${p.detail ? html`: <span class="problem-detail">${p.detail}</span>` : ''}
    ${p.retryAfter ? html` Try again in ${p.retryAfter} s.` : ''}</div>`;
}

const KINDS = [
  ['text', 'Text', 'pasted article text'],
  ['html', 'HTML', 'a pasted web page'],
  ['url', 'Address', 'a page to fetch'],
  ['feed', 'Feed', 'RSS or Atom, polled'],
];

function IngestForm({ base, onDone }) {
  const [kind, setKind] = useState('text');
  // the key and whether to keep it are the form's state: a re-render keeps what was typed
  const [key, setKey] = useState(() => sessionStorage.getItem(WRITE_KEY) || '');
  const [remember, setRemember] = useState(() => !!sessionStorage.getItem(WRITE_KEY));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const typed = key.trim();
    if (remember && typed) sessionStorage.setItem(WRITE_KEY, typed); else sessionStorage.removeItem(WRITE_KEY);
    const meta = clean({ title: String(form.get('title') || '').trim(), source: String(form.get('source') || '').trim() });
    let path = '/documents';
    let call;
    if (kind === 'feed') {
      const minutes = Number(form.get('every') || 0);
      path = '/feeds';
      call = { body: { url: String(form.get('feed')).trim(), ...(meta.source ? { source: meta.source } : {}) } };
      if (minutes) call.body.pollIntervalSeconds = Math.round(minutes * 60);
    } else if (kind === 'text') {
      // as text/plain: without a title given, ingest-service takes a headline on the first line as the title
      call = { text: String(form.get('text')), headers: { 'X-Title': meta.title, 'X-Source': meta.source } };
    } else {
      call = { body: { ...meta, [kind]: kind === 'url' ? String(form.get(kind)).trim() : String(form.get(kind)) } };
    }
    setBusy(true);
    setProblem(null);
    try {
      const { status, data } = await ingestCall(base, path, { method: 'POST', key: typed, ...call });
      onDone(kind === 'feed' ? { feedId: data.id, feed: data, created: status === 201 } : { docId: data.id, receipt: data }, typed);
    } catch (err) {
      setProblem(err.problem || { title: String(err.message || err) });
    } finally {
      setBusy(false);
    }
  };
  const field = (k) => ({ hidden: kind !== k, required: kind === k });
  return html`<form class="ingest-form" id="ingest-form" onSubmit=${submit} aria-busy=${busy}>
    <fieldset class="kinds"><legend>What to add</legend>
      ${KINDS.map(([k, label, hint]) => html`<label key=${k} class="kind"><input type="radio" name="kind" value=${k} checked=${kind === k}
        onChange=${() => { setKind(k); setProblem(null); }} /> ${label} <span class="hint">${hint}</span></label>`)}
    </fieldset>
    <label ...${{ hidden: kind !== 'text' }}>Article text
      <textarea id="ingest-text" name="text" rows="9" ...${field('text')} spellcheck="false"
        placeholder="Paste the article: a headline on the first line becomes its title."></textarea></label>
    <label ...${{ hidden: kind !== 'html' }}>The page's HTML
      <textarea id="ingest-html" name="html" rows="9" class="code" ...${field('html')} spellcheck="false"
        placeholder="<html>…</html>: the article is cut out of the page, its title and date read from it."></textarea></label>
    <label ...${{ hidden: kind !== 'url' }}>Page address
      <input id="ingest-url" name="url" type="url" inputmode="url" ...${field('url')} placeholder="https://…" autocomplete="off" />
      <span class="hint">ingest-service fetches it now (politely, public addresses only).</span></label>
    <label ...${{ hidden: kind !== 'feed' }}>Feed address
      <input id="ingest-feed" name="feed" type="url" inputmode="url" ...${field('feed')} placeholder="https://…/rss.xml" autocomplete="off" />
      <span class="hint">Each new entry is ingested; the first poll is at once.</span></label>
    <div class="row">
      ${kind !== 'feed' ? html`<label><span>Title <span class="hint">(optional${kind === 'text' ? ': else the headline line' : ''})</span></span>
        <input id="ingest-title" name="title" autocomplete="off" /></label>` : ''}
      <label><span>Source <span class="hint">(optional: the outlet${kind === 'feed' ? '; else the feed’s title' : ''})</span></span>
        <input id="ingest-source" name="source" autocomplete="off" /></label>
      ${kind === 'feed' ? html`<label><span>Poll every <span class="hint">(minutes)</span></span>
        <input id="ingest-every" name="every" type="number" min="1" max="1440" step="1" placeholder="15" /></label>` : ''}
    </div>
    <div class="row key">
      <label><span>API key <span class="hint">(role writer or admin)</span></span>
        <input id="ingest-key" name="key" type="password" autocomplete="off" value=${key} onInput=${(e) => setKey(e.target.value)} /></label>
      <label class="check"><input id="ingest-remember" name="remember" type="checkbox" checked=${remember} onChange=${(e) => setRemember(e.target.checked)} /> keep it in this tab until it is closed</label>
    </div>
    <p class="hint">The key goes to ingest-service as the X-API-Key header and nowhere else.</p>
    <button type="submit" id="ingest-submit" disabled=${busy}>${busy ? (kind === 'url' ? 'Fetching the page…' : 'Sending…') : kind === 'feed' ? 'Subscribe' : 'Add the article'}</button>
    ${problem && html`<${CallProblemView} p=${problem} id="ingest-problem" />`}
  </form>`;
}

const STEPS = [
  ['RECEIVED', 'Received', 'receivedAt', 'stored by ingest-service'],
  ['EXTRACTED', 'Extracted', 'extractedAt', 'quotes, speakers and names found'],
  ['INDEXED', 'Indexed', 'indexedAt', 'searchable here'],
];
const ORDER = { RECEIVED: 0, EXTRACTED: 1, INDEXED: 2 };

const fmtTime = (s) => (s ? new Date(s).toLocaleTimeString('en-GB') : '');
function after(from, to) {
  if (!from || !to) return '';
  const ms = new Date(to) - new Date(from);
  return ms >= 0 ? ` (+${(ms / 1000).toFixed(1)} s)` : '';
}

/**
 * Asks ingest-service for a document (or feed) until done(data) says it is settled, less often as time goes by:
 * pace[0] ms apart for 15 s, pace[1] for two minutes, pace[2] after.
 */
function usePolled(base, path, key, done, round, pace = [400, 2000, 10000]) {
  const [s, set] = useState({});
  useEffect(() => {
    let live = true;
    let timer;
    const started = Date.now();
    const poll = async () => {
      try {
        const { data } = await ingestCall(base, path, { key });
        if (!live) return;
        set({ data });
        if (done(data)) return;
      } catch (e) {
        if (!live) return;
        const p = e.problem || { title: String(e.message || e) };
        set((x) => ({ ...x, problem: p }));
        if (p.status && p.status !== 429 && p.status < 500) return; // asking again would get the same answer
      }
      const age = Date.now() - started;
      timer = setTimeout(poll, age < 15000 ? pace[0] : age < 120000 ? pace[1] : pace[2]);
    };
    poll();
    return () => { live = false; clearTimeout(timer); };
  }, [base, path, round]);
  return s;
}

function DocumentProgress({ base, id, receipt, writeKey }) {
  const [round, setRound] = useState(0);
  const [retry, setRetry] = useState(null);
  const { data: d, problem } = usePolled(base, `/documents/${id}`, writeKey || sessionStorage.getItem(WRITE_KEY),
    (x) => x.status === 'INDEXED' || x.status === 'FAILED', round);
  const heading = useRef();
  useEffect(() => { heading.current?.focus({ preventScroll: false }); }, [id]);
  const at = d ? ORDER[d.status] ?? -1 : -1;
  const retryNow = async () => {
    try {
      await ingestCall(base, `/documents/${id}/retry`, { method: 'POST', key: writeKey || sessionStorage.getItem(WRITE_KEY) });
      setRetry(null);
      setRound((r) => r + 1);
    } catch (e) {
      setRetry(e.problem || { title: String(e.message || e) });
    }
  };
  const extraction = d && d.extraction;
  return html`<section id="progress" aria-labelledby="progress-title">
    <header><h2 id="progress-title" tabindex="-1" ref=${heading}>${d && d.title ? d.title : 'The article'}</h2></header>
    ${receipt && receipt.duplicate ? html`<p class="note" id="duplicate">This text was added before: this is the existing document${d && d.receivedAt ? `, received ${fmtDate(d.receivedAt)} ${fmtTime(d.receivedAt)}` : ''}.</p>` : ''}
    ${receipt && !receipt.duplicate && receipt.duplicateOf ? html`<p class="note" id="copy-of">A copy of a story already here (${Math.round(100 * (receipt.similarity || 0))} % alike): it joins that story’s family.</p>` : ''}
    ${problem && !d ? html`<${CallProblemView} p=${problem} id="progress-problem" />` : ''}
    ${!d && !problem ? html`<${Loading} />` : ''}
    ${d && html`<ol class="steps" id="steps" aria-live="polite">${STEPS.map(([status, label, field, hint], i) => {
      const done = !!d[field] || i <= at;
      const failedHere = d.status === 'FAILED' && !done && (i === 0 || !!d[STEPS[i - 1][2]] || i - 1 <= at);
      const state = done ? 'done' : failedHere ? 'failed' : 'pending';
      return html`<li key=${status} class=${'step ' + state} data-step=${status} data-state=${state}>
        <span class="mark" aria-hidden="true">${done ? '✓' : failedHere ? '✕' : '…'}</span>
        <b>${label}</b>${done && d[field] ? html` <time datetime=${d[field]}>${fmtTime(d[field])}</time>${i ? after(d.receivedAt, d[field]) : ''}` : ''}
        <span class="hint"> ${failedHere ? 'failed' : done ? hint : 'waiting'}</span></li>`;
    })}</ol>
    ${d.status === 'FAILED' ? html`<div class="problem" role="alert" id="failed"><b>Failed</b> after ${count(d.attempts, 'attempt')}: ${d.lastError || 'no reason given'}
      <div><button type="button" onClick=${retryNow}>Retry</button> <span class="hint">(needs an admin key)</span></div>
      ${retry && html`<${CallProblemView} p=${retry} id="retry-problem" />`}</div>`
      : d.lastError && d.status !== 'INDEXED' ? html`<p class="meta" id="waiting">Waiting after ${count(d.attempts, 'attempt')}: ${d.lastError}</p>` : ''}
    ${d.status === 'INDEXED' ? html`<p class="done">${extraction ? `${count((extraction.quotes || []).length, 'quote')}, ${count((extraction.entities || []).length, 'name')} found. ` : ''}
      <a id="open-article" class="button primary" href=${articleHref(id)}>Open the article</a></p>` : ''}
    ${problem && d ? html`<${CallProblemView} p=${problem} id="progress-problem" />` : ''}`}
    <p class="meta">Document <code>${id}</code>; this page’s address follows it.</p>
  </section>`;
}

function FeedStatus({ base, id, created }) {
  const { data: f, problem } = usePolled(base, `/feeds/${id}`, sessionStorage.getItem(WRITE_KEY), () => false, 0, [2000, 5000, 30000]);
  const heading = useRef();
  useEffect(() => { heading.current?.focus({ preventScroll: false }); }, [id]);
  const source = f && (f.source || f.title);
  return html`<section id="feed" aria-labelledby="feed-title">
    <header><h2 id="feed-title" tabindex="-1" ref=${heading}>${f && f.title ? f.title : 'The feed'}</h2></header>
    ${created === false ? html`<p class="note" id="feed-existing">This feed was subscribed before: its subscription is shown.</p>` : ''}
    ${problem && html`<${CallProblemView} p=${problem} id="feed-problem" />`}
    ${!f && !problem ? html`<${Loading} />` : ''}
    ${f && html`<dl class="facts" aria-live="polite">
      <div><dt>Address</dt><dd>${f.url}</dd></div>
      <div><dt>Polled every</dt><dd>${Math.round(f.pollIntervalSeconds / 60)} min</dd></div>
      <div><dt>Last polled</dt><dd>${f.lastPolledAt ? `${fmtDate(f.lastPolledAt)} ${fmtTime(f.lastPolledAt)}${f.lastStatus ? ` (HTTP ${f.lastStatus})` : ''}` : 'not yet'}</dd></div>
      <div><dt>Next poll</dt><dd>${f.nextPollAt ? `${fmtDate(f.nextPollAt)} ${fmtTime(f.nextPollAt)}` : '—'}</dd></div>
      <div><dt>Entries seen</dt><dd>${n(f.entriesSeen)}</dd></div>
      <div><dt>Articles added</dt><dd>${n(f.documentsIngested)}</dd></div>
    </dl>
    ${f.lastError ? html`<p class="problem" role="alert">Last poll: ${f.lastError}</p>` : ''}
    ${source && f.documentsIngested ? html`<p><a href=${'/' + query({ source })}>Its articles and quotes</a></p>` : ''}`}
  </section>`;
}

export function IngestPage({ docId, feedId }) {
  const [config, setConfig] = useState(null);
  const [shown, show] = useState({ docId, feedId });
  useEffect(() => {
    document.title = 'Add articles · Quotewire';
    let live = true;
    workbenchConfig().then((c) => live && setConfig(c));
    return () => { live = false; };
  }, []);
  const base = config && config.ingestUrl;
  const done = (r, key) => {
    history.pushState(null, '', r.docId ? `/ingest/documents/${r.docId}` : `/ingest/feeds/${r.feedId}`);
    show({ ...r, writeKey: key });
  };
  return html`<${Frame}>
    <article class="ingest">
      <header class="page-head"><h1>Add articles</h1>
        <p class="meta">An article goes to ingest-service, which cleans it, has its quotes and names extracted and indexes it;
          this page follows it until it can be searched here.</p></header>
      ${config === null ? html`<${Loading} />` : !base ? html`<p class="note" id="ingest-off">Adding articles is not configured for this workbench:
          query-service needs ingest-service’s address (<code>quotewire.workbench.ingest-url</code>) and ingest-service has to allow
          this page’s origin by CORS. <code>./quotewire up</code> sets both; the API takes articles directly (<code>POST /api/v1/documents</code>).</p>`
        : html`<div class="results">
          <div class="main-col"><${IngestForm} base=${base} onDone=${done} /></div>
          <aside class="side-col">
            ${!shown.docId && !shown.feedId ? html`<section id="how"><header><h2>What happens</h2></header>
              <ol class="steps">${STEPS.map(([status, label, , hint]) => html`<li key=${status} class="step pending"><span class="mark" aria-hidden="true">${ORDER[status] + 1}</span><b>${label}</b><span class="hint"> ${hint}</span></li>`)}</ol>
              <p class="hint">Each step shows here as it happens, usually within seconds; then the article opens with its quotes highlighted.
                The same text sent again gives the article already here; a copy of a story joins that story’s family.</p></section>` : ''}
            ${shown.docId && html`<${DocumentProgress} key=${shown.docId} base=${base} id=${shown.docId} receipt=${shown.receipt} writeKey=${shown.writeKey} />`}
            ${shown.feedId && html`<${FeedStatus} key=${shown.feedId} base=${base} id=${shown.feedId} created=${shown.created} />`}
          </aside>
        </div>`}
    </article>
  <//>`;
}
