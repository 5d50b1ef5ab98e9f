'use strict';
// The newsroom page: the latest articles from /articles, and each newly published one from /stream (Server-Sent
// Events) without a reload. Article text comes from outside and is untrusted: it only ever reaches the page through
// textContent and DOM calls, never as markup, and a link is made only from an http(s) URL. The page's
// Content-Security-Policy would stop script even if that failed.
(() => {
  const MAX_ARTICLES = 200; // older ones leave the page: it stays fast however long it is open
  const list = document.getElementById('articles');
  const filterBox = document.getElementById('filter');
  const statusLine = document.getElementById('status');
  const countLine = document.getElementById('count');
  const emptyNote = document.getElementById('empty');
  /** uri → { doc, element, text (lower case, what the filter searches) } */
  const articles = new Map();
  let streaming = false;

  const text = (value) => (typeof value === 'string' ? value : '');
  const items = (value) => (Array.isArray(value) ? value.filter((item) => item && typeof item === 'object') : []);
  const byRole = (values, role) => text((items(values).find((item) => item.role === role) || {}).value);
  const names = (values) => items(values).map((item) => text(item.name).trim()).filter((name) => name);
  const time = (doc) => Date.parse(text(doc.versioncreated)) || 0;
  const version = (doc) => Number.parseInt(text(doc.version), 10) || 0;

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /** The URL if it is http: or https:, else null (javascript:, data:, relative paths...). */
  function webLink(value) {
    try {
      const url = new URL(text(value));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatTime(doc) {
    const when = time(doc);
    return when ? new Date(when).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  }

  function chips(doc) {
    const groups = [
      ['person', 'person', names(doc.people)],
      ['organisation', 'organisation', names(doc.organisations)],
      ['place', 'place', names(doc.places)],
      ['topic', 'topic', names(items(doc.subjects).filter((s) => s.rel !== 'keyword'))],
      ['keyword', 'key phrase', names(items(doc.subjects).filter((s) => s.rel === 'keyword'))],
    ];
    const list = element('ul', 'chips');
    for (const [kind, label, values] of groups) {
      for (const value of values) {
        const chip = element('li', 'chip ' + kind, value);
        chip.title = label;
        list.append(chip);
      }
    }
    return list;
  }

  function render(doc) {
    const item = element('li', 'article');
    const headline = element('h2', 'headline');
    const source = webLink((items(doc.altids).find((id) => id.role === 'source-url') || {}).value);
    const headlineText = byRole(doc.headlines, 'main') || '(no headline)';
    if (source) {
      const link = element('a', null, headlineText);
      link.href = source;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      headline.append(link);
    } else {
      headline.textContent = headlineText;
    }

    const meta = element('p', 'meta');
    const language = text(doc.language);
    if (language) meta.append(element('span', 'language', language.toUpperCase()));
    meta.append(element('time', 'when', formatTime(doc)));
    if (version(doc) > 1) meta.append(element('span', 'version', 'version ' + version(doc)));
    if (text(doc.by)) meta.append(element('span', 'byline', 'by ' + text(doc.by)));
    if (text(doc.located)) meta.append(element('span', 'located', text(doc.located)));

    item.append(headline, meta);
    const summary = byRole(doc.descriptions, 'summary');
    if (summary) item.append(element('p', 'summary', summary));
    item.append(chips(doc));

    const body = byRole(doc.bodies, 'main');
    if (body) {
      const details = element('details', 'body');
      details.append(element('summary', null, 'Full text'));
      for (const paragraph of body.split(/\n\s*\n/)) {
        if (paragraph.trim()) details.append(element('p', null, paragraph));
      }
      item.append(details);
    }
    return item;
  }

  function searchText(doc) {
    return [byRole(doc.headlines, 'main'), byRole(doc.descriptions, 'summary'), ...names(doc.people),
      ...names(doc.organisations), ...names(doc.places), ...names(doc.subjects)].join('\n').toLowerCase();
  }

  /** Adds an article or replaces an older version of it, keeping the list newest first. */
  function upsert(doc, live) {
    const uri = text(doc && doc.uri);
    if (!uri) return;
    const known = articles.get(uri);
    if (known && version(known.doc) > version(doc)) return; // a replay of an older version
    if (known) known.element.remove();
    if (doc.pubstatus === 'canceled') { // a retraction: the story comes down
      articles.delete(uri);
      return;
    }
    const entry = { doc, element: render(doc), text: searchText(doc) };
    if (live) entry.element.classList.add('arrived');
    articles.set(uri, entry);
    let before = null;
    for (const other of articles.values()) {
      if (other !== entry && time(other.doc) < time(doc)
          && (before === null || time(other.doc) > time(before.doc))) {
        before = other;
      }
    }
    list.insertBefore(entry.element, before ? before.element : null);
    trim();
    applyFilter(entry);
    updateCount();
  }

  function trim() {
    while (articles.size > MAX_ARTICLES) {
      let oldest = null;
      for (const entry of articles.values()) {
        if (oldest === null || time(entry.doc) < time(oldest.doc)) oldest = entry;
      }
      oldest.element.remove();
      articles.delete(text(oldest.doc.uri));
    }
  }

  function applyFilter(only) {
    const query = filterBox.value.trim().toLowerCase();
    for (const entry of only ? [only] : articles.values()) {
      entry.element.hidden = query !== '' && !entry.text.includes(query);
    }
    if (!only) updateCount();
  }

  function updateCount() {
    const shown = [...articles.values()].filter((entry) => !entry.element.hidden).length;
    countLine.textContent = articles.size === 0 ? '' : shown === articles.size
      ? articles.size + (articles.size === 1 ? ' article' : ' articles')
      : shown + ' of ' + articles.size + ' articles match';
    emptyNote.hidden = articles.size > 0;
  }

  function setStatus(state, words) {
    statusLine.textContent = words;
    statusLine.dataset.state = state;
  }

  async function loadLatest() {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch('/articles?limit=50', { headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const docs = await response.json();
        if (Array.isArray(docs)) docs.forEach((doc) => upsert(doc, false));
        updateCount();
        if (streaming) setStatus('live', 'live');
        return;
      } catch (e) {
        setStatus('error', 'cannot load articles (' + e.message + '), retrying…');
        await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 1000 * attempt)));
      }
    }
  }

  function connect() {
    const source = new EventSource('/stream');
    source.addEventListener('open', () => {
      streaming = true;
      setStatus('live', 'live');
    });
    source.addEventListener('article', (event) => {
      let doc;
      try {
        doc = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      upsert(doc, true);
    });
    source.addEventListener('error', () => {
      streaming = false;
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (e.g. too many readers): start over, and reload the list to fill the gap.
        setStatus('error', 'stream closed, reconnecting…');
        setTimeout(() => { connect(); loadLatest(); }, 5000);
      } else {
        setStatus('reconnecting', 'reconnecting…'); // the browser resumes with Last-Event-ID
      }
    });
  }

  filterBox.addEventListener('input', () => applyFilter(null));
  // The stream first, then the list: an article published in between comes by the stream, and is not lost.
  connect();
  loadLatest();
})();
