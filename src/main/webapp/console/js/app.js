// The console's shell: the session in the header, logout, and the hash routes.

import { loadSession, post } from './api.js';
import { busy, clearProblem, showProblem } from './ui.js';
import * as overview from './pages/overview.js';
import * as run from './pages/run.js';
import * as importPage from './pages/import.js';
import * as person from './pages/person.js';

const SERVICE = 'KRR – driftskonsoll';

const ROUTES = [
  { pattern: /^\/$/, page: overview, nav: '#/', title: 'Oversikt' },
  { pattern: /^\/kjoring\/([0-9]{1,19})$/, page: run, nav: '#/', title: 'Kjøring' },
  { pattern: /^\/import$/, page: importPage, nav: '#/import', title: 'Import' },
  { pattern: /^\/person$/, page: person, nav: '#/person', title: 'Person' },
];

let leave = null;
let firstRender = true;

function currentPath() {
  const hash = location.hash.replace(/^#/, '');
  return hash === '' ? '/' : hash;
}

function markNav(href) {
  for (const link of document.querySelectorAll('.site-nav__link')) {
    if (link.getAttribute('href') === href) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function route() {
  if (leave) {
    try {
      leave();
    } catch (e) {
      console.error(e);
    }
    leave = null;
  }
  clearProblem();
  const path = currentPath();
  const view = document.getElementById('view');
  const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  if (!match) {
    view.replaceChildren(document.getElementById('tpl-not-found').content.cloneNode(true));
    document.title = `Fant ikke siden – ${SERVICE}`;
    markNav(null);
  } else {
    const { r, m } = match;
    view.replaceChildren(document.getElementById(`tpl-${r.page.TEMPLATE}`).content.cloneNode(true));
    document.title = `${r.title} – ${SERVICE}`;
    markNav(r.nav);
    try {
      leave = r.page.render(view, m.slice(1)) || null;
    } catch (error) {
      showProblem(error);
    }
  }
  if (!firstRender) {
    // keyboard and screen-reader users land on the new page's heading
    const heading = view.querySelector('h1');
    if (heading) {
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }
  firstRender = false;
}

async function showSession() {
  try {
    const session = await loadSession();
    document.getElementById('operator').textContent = session.operator || session.clientId || '–';
  } catch (error) {
    showProblem(error);
  }
}

function wireLogout() {
  const button = document.getElementById('logout');
  button.addEventListener('click', () => busy(button, async () => {
    const answer = await post('/console/logout', undefined);
    const target = answer && typeof answer.location === 'string' ? answer.location : '';
    // only a web address: never a javascript: or data: URL, whatever the answer holds
    location.href = /^(https?:\/\/|\/)/i.test(target) ? target : '/console/login';
  }));
}

function wireSkipLink() {
  // "#main" would be taken for a route: move the focus without touching the hash
  const link = document.querySelector('.ds-skip-link');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const main = document.getElementById('main');
    main.focus();
    main.scrollIntoView();
  });
}

function start() {
  wireSkipLink();
  wireLogout();
  showSession();
  window.addEventListener('hashchange', route);
  route();
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
