// #/kjoring/{id}: one run of either job, followed live while it runs.

import { call, get, post } from '../api.js';
import { allowDeletions, openRun, startReconcile } from '../actions.js';
import { drawKindChart } from '../chart.js';
import {
  JOBS, KINDS, MODES, RUNNING, STATUSES, actionLabel, decimal, duration, el, kindLabel, number,
  osloTime, startedByLabel,
} from '../format.js';
import { busy, fillTable, showProblem } from '../ui.js';

export const TEMPLATE = 'run';

const POLL = 1000;
const RETRY = 3000;
const PAGE = 50;
const FINDINGS_REFRESH = 5000;

const RECONCILE_COUNTS = [
  ['checked', 'Kontrollert'],
  ['matched', 'Uten avvik'],
  ['discrepancies', 'Avvik'],
  ['corrected', 'Rettet'],
  ['upstreamErrors', 'Feil fra registeret'],
  ['held', 'Slettinger holdt tilbake'],
];
const IMPORT_COUNTS = [
  ['read', 'Lest'],
  ['written', 'Lagret'],
  ['skipped', 'Hoppet over'],
  ['changed', 'Nye eller endret'],
];
const KIND_NAME = /^[A-Z][A-Z0-9_]+$/;

function tone(name, value) {
  if (!value) {
    return null;
  }
  switch (name) {
    case 'upstreamErrors': return 'danger';
    case 'discrepancies':
    case 'held':
    case 'skipped': return 'warning';
    case 'corrected': return 'success';
    default: return null;
  }
}

/** The rows of the chart: every known kind, then any kind the server counts that we do not know. */
function kindRows(counts) {
  const rows = KINDS.map(([kind, label]) => ({ kind, label, count: Number(counts[kind]) || 0 }));
  for (const [name, value] of Object.entries(counts)) {
    if (KIND_NAME.test(name) && !rows.some((r) => r.kind === name)) {
      rows.push({ kind: name, label: kindLabel(name), count: Number(value) || 0 });
    }
  }
  return rows;
}

function valueCell(value) {
  return value === undefined || value === null || value === ''
    ? el('td', { class: 'value empty-value' }, '–')
    : el('td', { class: 'value' }, String(value));
}

function findingRow(item) {
  return el('tr', { 'data-kind': item.kind },
    el('td', { class: 'pid' }, item.personidentifikator),
    el('td', {}, kindLabel(item.kind)),
    valueCell(item.local),
    valueCell(item.upstream),
    el('td', {}, actionLabel(item.action)),
    valueCell(item.detail));
}

export function render(view, [id]) {
  const $ = (selector) => view.querySelector(selector);
  let alive = true;
  let timer = null;
  let findingsTimer = null;
  let report = null;
  let lastAnnounced = null;
  let chartRows = null;
  let filterBuilt = false;
  // findings paging: cursors[i] is the `after` of page i (page 0 has none)
  let cursors = [null];
  let page = 0;
  let findingsRequest = 0;

  const chartBox = $('[data-chart]');
  const resize = new ResizeObserver(() => {
    if (chartRows && chartBox.offsetParent !== null) {
      drawKindChart(chartBox, chartRows);
    }
  });
  resize.observe(chartBox);

  const isReconcile = () => report && report.job === 'reconcile-persons';

  function announce(text) {
    if (text !== lastAnnounced) {
      lastAnnounced = text;
      $('[data-run-announce]').textContent = text;
    }
  }

  function showTitle(r) {
    const what = r.job === 'reconcile-persons'
      ? (MODES[r.mode] || 'avstemming').toLowerCase()
      : r.job === 'import-persons' ? 'import' : (JOBS[r.job] || r.job || '').toLowerCase();
    $('#run-title').textContent = what ? `Kjøring ${r.id} – ${what}` : `Kjøring ${r.id}`;
    const by = startedByLabel(r.startedBy);
    $('[data-run-meta]').textContent = r.job === 'reconcile-persons' && r.run !== undefined
      ? `Avstemming nr. ${r.run} · startet av ${by}`
      : `Startet av ${by}`;
    document.title = `${$('#run-title').textContent} – KRR – driftskonsoll`;
  }

  function showStatus(r) {
    const s = STATUSES[r.status] || { text: 'Ukjent', color: 'neutral' };
    const tag = $('#run-status');
    tag.textContent = `${s.text} (${r.status})`;
    tag.dataset.color = s.color;
    tag.dataset.status = r.status;
  }

  function showProgress(r) {
    const bar = $('#run-progress');
    const text = $('#run-progress-text');
    const p = r.progress;
    const running = RUNNING.has(r.status);
    const unit = r.job === 'import-persons' ? 'linjer/s' : 'personer/s';
    bar.dataset.state = r.status === 'COMPLETED' ? 'done'
      : r.status === 'FAILED' ? 'failed'
        : (r.status === 'STOPPED' || r.status === 'ABANDONED') ? 'stopped' : 'running';
    if (!p) {
      bar.removeAttribute('value');
      text.textContent = running ? 'Venter på at kjøringen kommer i gang …' : 'Ingen framdrift registrert.';
      $('#run-rate').textContent = '–';
      $('#run-eta').textContent = running ? 'Beregnes …' : '–';
      return;
    }
    const total = Number(p.total) || 0;
    const done = Number(p.done) || 0;
    bar.max = total > 0 ? total : 1;
    bar.value = total > 0 ? Math.min(done, total) : (running ? 0 : 1);
    text.textContent = `${done} av ${total} (${decimal(p.percent)} %)`;
    $('#run-rate').textContent = running || p.perSecond ? `${decimal(p.perSecond || 0)} ${unit}` : '–';
    const eta = $('#run-eta');
    if (r.status === 'COMPLETED') {
      eta.textContent = 'Ferdig';
    } else if (!running) {
      eta.textContent = '–';
    } else if (typeof p.etaSeconds === 'number') {
      eta.textContent = p.etaSeconds === 0 ? 'Straks ferdig' : `ca. ${duration(p.etaSeconds)}`;
    } else {
      eta.textContent = 'Beregnes …';
    }
    const step = Math.floor((Number(p.percent) || 0) / 10) * 10;
    const s = STATUSES[r.status];
    announce(running ? `${s ? s.text : r.status}: ${step} prosent` : `${s ? s.text : r.status}: ${decimal(p.percent)} prosent`);
  }

  function showCounts(r) {
    const counts = r.counts || {};
    const known = r.job === 'import-persons' ? IMPORT_COUNTS : RECONCILE_COUNTS;
    const items = known.map(([name, label]) => [name, label]);
    for (const name of Object.keys(counts)) {
      if (!KIND_NAME.test(name) && !items.some(([n]) => n === name)) {
        items.push([name, name]);
      }
    }
    const dl = $('#counts');
    dl.replaceChildren(...items.map(([name, label]) => {
      const value = counts[name];
      return el('div', { 'data-tone': tone(name, value) },
        el('dt', {}, label),
        el('dd', { 'data-count': name }, value === undefined ? '0' : String(value)));
    }));
  }

  function showChart(r) {
    chartRows = kindRows(r.counts || {});
    drawKindChart(chartBox, chartRows);
  }

  function buildFilter(r) {
    const select = $('#kind-filter');
    const counts = r.counts || {};
    if (!filterBuilt) {
      select.replaceChildren(el('option', { value: '' }, 'Alle typer'),
        ...kindRows(counts).map((row) => el('option', { value: row.kind }, row.label)));
      filterBuilt = true;
    }
    for (const option of select.options) {
      const n = option.value === '' ? counts.discrepancies : counts[option.value];
      const base = option.value === '' ? 'Alle typer' : kindLabel(option.value);
      option.textContent = `${base} (${number(Number(n) || 0)})`;
    }
  }

  async function loadFindings() {
    const request = ++findingsRequest;
    const status = $('[data-findings-status]');
    const kind = $('#kind-filter').value;
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (kind) {
      params.set('kind', kind);
    }
    if (cursors[page]) {
      params.set('after', cursors[page]);
    }
    status.textContent = 'Henter avvik …';
    try {
      const answer = await get(`/admin/v1/reconciliations/${id}/discrepancies?${params}`);
      if (!alive || request !== findingsRequest) {
        return;
      }
      const items = (answer && answer.items) || [];
      const table = $('#findings');
      table.tFoot.rows[0].cells[0].textContent = kind ? `Ingen avvik av typen «${kindLabel(kind)}».` : 'Ingen avvik.';
      fillTable(table, items.map(findingRow));
      cursors = cursors.slice(0, page + 1);
      if (answer && answer.next) {
        cursors[page + 1] = answer.next;
      }
      $('#next-page').disabled = !(answer && answer.next);
      $('#first-page').disabled = page === 0;
      $('#prev-page').disabled = page === 0;
      $('[data-page-label]').textContent = `Side ${page + 1}`;
      const from = page * PAGE + 1;
      status.textContent = items.length === 0 ? ''
        : `Viser avvik ${from}–${from + items.length - 1}${answer && answer.next ? ', flere på neste side' : ''}.`;
    } catch (error) {
      if (alive && request === findingsRequest) {
        status.textContent = '';
        showProblem(error);
      }
    }
  }

  function goToPage(n) {
    page = n;
    loadFindings();
  }

  function showSkipped(r) {
    const lines = r.skippedLines || [];
    fillTable($('#skipped-lines'), lines.map((s) => el('tr', {},
      el('td', { class: 'num' }, String(s.line)),
      el('td', {}, s.reason || ''))));
    const skipped = r.counts && r.counts.skipped;
    $('[data-skipped-note]').hidden = !(skipped > lines.length);
    if (skipped > lines.length) {
      $('[data-skipped-note]').textContent = `Viser de ${lines.length} første av ${number(skipped)}.`;
    }
  }

  function showHistory(r) {
    const history = r.history || [];
    const section = $('[data-history]');
    section.hidden = history.length === 0;
    section.querySelector('ul').replaceChildren(...history.map((h) => {
      const when = osloTime(h.at);
      const who = startedByLabel(h.by);
      if (h.action === 'RESTART') {
        return el('li', {}, `${when}: kjøring ${h.execution} startet på nytt av ${who}`,
          h.newExecution !== undefined ? [' som ', el('a', { class: 'ds-link', href: `#/kjoring/${h.newExecution}` }, `kjøring ${h.newExecution}`)] : null,
          '.');
      }
      if (h.action === 'STOP') {
        return el('li', {}, `${when}: kjøring ${h.execution} stoppet av ${who}.`);
      }
      return el('li', {}, `${when}: ${h.action} (kjøring ${h.execution}) av ${who}.`);
    }));
    // a later execution that carries this one on
    const later = history.find((h) => h.action === 'RESTART' && String(h.execution) === String(r.id) && h.newExecution !== undefined);
    const note = $('[data-later-run]');
    note.replaceChildren();
    if (later) {
      note.append('Kjøringen er startet på nytt og fortsetter som ',
        el('a', { class: 'ds-link', href: `#/kjoring/${later.newExecution}` }, `kjøring ${later.newExecution}`), '.');
    }
    note.hidden = !later;
    return Boolean(later);
  }

  function show(r) {
    const wasRunning = report ? RUNNING.has(report.status) : null;
    report = r;
    const running = RUNNING.has(r.status);
    const counts = r.counts || {};
    showTitle(r);
    showStatus(r);
    showProgress(r);
    $('[data-run-started]').textContent = osloTime(r.startedAt);
    $('[data-run-ended]').textContent = r.endedAt ? osloTime(r.endedAt) : (running ? 'Pågår' : '–');
    const failure = $('#run-failure');
    failure.hidden = !r.failure;
    failure.querySelector('[data-failure-text]').textContent = r.failure || '';
    const superseded = showHistory(r);

    $('#stop-run').hidden = !(r.status === 'STARTING' || r.status === 'STARTED');
    $('#restart-run').hidden = superseded || !(r.status === 'STOPPED' || r.status === 'FAILED');
    $('#repair').hidden = !(isReconcile() && r.mode === 'VERIFY' && r.status === 'COMPLETED' && counts.discrepancies > 0);

    const held = Number(counts.held) || 0;
    const heldBox = $('#held');
    heldBox.hidden = !(isReconcile() && r.status === 'FAILED' && held > 0);
    heldBox.querySelector('[data-held-count]').textContent = number(held);
    heldBox.dataset.held = String(held);

    showCounts(r);
    for (const section of view.querySelectorAll('[data-for="reconcile"]')) {
      section.hidden = !isReconcile();
    }
    for (const section of view.querySelectorAll('[data-for="import"]')) {
      section.hidden = r.job !== 'import-persons';
    }
    if (isReconcile()) {
      showChart(r);
      buildFilter(r);
      if (wasRunning === null || (wasRunning && !running)) {
        loadFindings();
      }
    } else if (r.job === 'import-persons') {
      showSkipped(r);
    }
  }

  async function poll() {
    timer = null;
    try {
      const r = await get(`/admin/v1/jobs/${id}`);
      if (!alive) {
        return;
      }
      show(r);
      if (RUNNING.has(r.status)) {
        timer = setTimeout(poll, POLL);
      }
    } catch (error) {
      if (!alive) {
        return;
      }
      showProblem(error);
      if (error.status !== 404 && error.status !== 403) {
        timer = setTimeout(poll, RETRY);
      } else if (!report) {
        $('#run-title').textContent = `Kjøring ${id}`;
        for (const section of view.querySelectorAll('section')) {
          section.hidden = true;
        }
      }
    }
  }

  function keepPolling() {
    if (!timer && alive && report && RUNNING.has(report.status)) {
      timer = setTimeout(poll, POLL);
    }
  }

  // while a reconciliation runs, its first page of findings fills: refresh it now and then
  function refreshFindings() {
    findingsTimer = setTimeout(() => {
      if (!alive) {
        return;
      }
      if (isReconcile() && RUNNING.has(report.status) && page === 0) {
        loadFindings();
      }
      refreshFindings();
    }, FINDINGS_REFRESH);
  }

  $('#stop-run').addEventListener('click', (e) => busy(e.currentTarget, async () => {
    const r = await post(`/admin/v1/jobs/${id}/stop`);
    if (alive) {
      show(r);
      keepPolling();
    }
  }));
  $('#restart-run').addEventListener('click', (e) => busy(e.currentTarget, async () => {
    const r = await post(`/admin/v1/jobs/${id}/restart`);
    openRun(r.id);
  }));
  $('#repair').addEventListener('click', (e) => startReconcile(e.currentTarget));
  $('#allow-deletions').addEventListener('click', (e) => {
    const held = Number($('#held').dataset.held) || 0;
    allowDeletions(e.currentTarget, held);
  });
  $('#kind-filter').addEventListener('change', () => {
    cursors = [null];
    goToPage(0);
  });
  $('#next-page').addEventListener('click', () => {
    if (cursors[page + 1]) {
      goToPage(page + 1);
    }
  });
  $('#prev-page').addEventListener('click', () => goToPage(Math.max(0, page - 1)));
  $('#first-page').addEventListener('click', () => goToPage(0));
  $('#download-csv').addEventListener('click', (e) => busy(e.currentTarget, async () => {
    const kind = $('#kind-filter').value;
    const query = kind ? `?${new URLSearchParams({ kind })}` : '';
    const response = await call('GET', `/admin/v1/reconciliations/${id}/discrepancies${query}`,
      { accept: 'text/csv', raw: true });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `avvik-${id}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    $('[data-findings-status]').textContent = kind
      ? `CSV med avvikene av typen «${kindLabel(kind)}» er lastet ned.`
      : 'CSV med alle avvikene er lastet ned.';
  }));

  poll();
  refreshFindings();

  return () => {
    alive = false;
    clearTimeout(timer);
    clearTimeout(findingsTimer);
    resize.disconnect();
  };
}
