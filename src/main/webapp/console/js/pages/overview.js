// #/ Oversikt: readiness, database, the next scheduled run, start buttons, the last runs.

import { get } from '../api.js';
import { startReconcile, startVerify } from '../actions.js';
import {
  JOBS, MODES, RUNNING, el, osloTime, osloTimeLong, startedByLabel, statusTag,
} from '../format.js';
import { fillTable, setText, showProblem } from '../ui.js';

export const TEMPLATE = 'overview';

const FAST = 3000;
const SLOW = 30000;

function tag(node, text, color) {
  node.textContent = text;
  node.dataset.color = color;
}

function showReady(view, health) {
  const ready = view.querySelector('#ready');
  const up = health && health.status === 'UP';
  tag(ready, up ? 'Klar' : 'Ikke klar', up ? 'success' : 'danger');
  const list = view.querySelector('[data-ready-checks]');
  const down = ((health && health.checks) || []).filter((c) => c.status !== 'UP');
  list.replaceChildren(...down.map((c) => el('li', {}, `${c.name}: nede`)));
  list.hidden = down.length === 0;
}

function showOverview(view, overview) {
  const database = view.querySelector('#database');
  const up = overview.database === 'UP';
  tag(database, up ? 'Oppe' : 'Nede', up ? 'success' : 'danger');
  const schedule = overview.schedule || {};
  const next = view.querySelector('#next-run');
  if (schedule.next) {
    const mode = schedule.mode === 'RECONCILE' ? 'retting' : 'kontroll';
    next.textContent = `${osloTimeLong(schedule.next)} (${mode})`;
  } else {
    next.textContent = 'Ingen planlagt kjøring';
  }
  const note = view.querySelector('[data-schedule]');
  if (schedule.expression && schedule.expression !== 'off') {
    setText(note, `Tidsplan: ${schedule.expression} (norsk tid)`);
  } else {
    setText(note, 'Tidsplanen er slått av.');
  }
}

function runRow(report) {
  const mode = report.job === 'reconcile-persons' ? (MODES[report.mode] || report.mode || '–') : '–';
  return el('tr', { 'data-id': report.id },
    el('td', {}, el('a', { class: 'ds-link', href: `#/kjoring/${report.id}` }, `Kjøring ${report.id}`)),
    el('td', {}, JOBS[report.job] || report.job),
    el('td', {}, mode),
    el('td', {}, statusTag(report.status)),
    el('td', { class: 'nowrap' }, osloTime(report.startedAt)),
    el('td', {}, startedByLabel(report.startedBy)));
}

export function render(view) {
  let timer = null;
  let alive = true;

  view.querySelector('#start-verify').addEventListener('click', (e) => startVerify(e.currentTarget));
  view.querySelector('#start-reconcile').addEventListener('click', (e) => startReconcile(e.currentTarget));

  async function refresh() {
    const [health, overview, jobs] = await Promise.allSettled([
      get('/health/ready', { allow: [503] }),
      get('/admin/v1/overview'),
      get('/admin/v1/jobs?limit=20'),
    ]);
    if (!alive) {
      return;
    }
    const failed = [health, overview, jobs].find((r) => r.status === 'rejected');
    if (health.status === 'fulfilled') {
      showReady(view, health.value);
    } else {
      showReady(view, null);
    }
    if (overview.status === 'fulfilled') {
      showOverview(view, overview.value);
    }
    let running = false;
    if (jobs.status === 'fulfilled') {
      const items = (jobs.value && jobs.value.items) || [];
      fillTable(view.querySelector('#runs'), items.map(runRow));
      running = items.some((r) => RUNNING.has(r.status));
      view.querySelector('[data-runs-updated]').textContent = running
        ? 'En kjøring pågår; listen oppdateres av seg selv.' : '';
    }
    if (failed) {
      showProblem(failed.reason);
    }
    timer = setTimeout(refresh, running ? FAST : SLOW);
  }

  refresh();
  return () => {
    alive = false;
    clearTimeout(timer);
  };
}
