// Words and formats: the register's codes in Norwegian, Oslo time, numbers, and a small DOM helper.

const TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' });
const LONG_TIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });
// Counts are written without digit grouping everywhere, as the report has them: the same
// figure reads the same in #counts, the chart, the dialogs and the progress text.
const NUMBER = new Intl.NumberFormat('nb-NO', { useGrouping: false });
const DECIMAL = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1, useGrouping: false });

function parse(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant in Oslo time, e.g. "4. des. 2026, 02:00"; "–" when absent. */
export function osloTime(iso) {
  const date = parse(iso);
  return date ? TIME.format(date) : '–';
}

/** An instant in Oslo time, long form: "4. desember 2026 kl. 02:00". */
export function osloTimeLong(iso) {
  const date = parse(iso);
  return date ? LONG_TIME.format(date) : '–';
}

export const number = (n) => (typeof n === 'number' ? NUMBER.format(n) : '–');
export const decimal = (n) => (typeof n === 'number' ? DECIMAL.format(n) : '–');

/** Seconds as "2 t 5 min", "3 min 20 s", "45 s". */
export function duration(seconds) {
  let s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  s -= minutes * 60;
  if (days > 0) {
    return `${days} d ${hours} t`;
  }
  if (hours > 0) {
    return `${hours} t ${minutes} min`;
  }
  return s > 0 && minutes < 10 ? `${minutes} min ${s} s` : `${minutes} min`;
}

export const JOBS = {
  'import-persons': 'Import',
  'reconcile-persons': 'Avstemming',
};

export const MODES = {
  VERIFY: 'Kontroll',
  RECONCILE: 'Retting',
};

/** Batch status → Norwegian word and the Designsystemet colour of its tag. */
export const STATUSES = {
  STARTING: { text: 'Starter', color: 'info' },
  STARTED: { text: 'Kjører', color: 'info' },
  STOPPING: { text: 'Stopper', color: 'warning' },
  STOPPED: { text: 'Stoppet', color: 'warning' },
  FAILED: { text: 'Feilet', color: 'danger' },
  COMPLETED: { text: 'Fullført', color: 'success' },
  ABANDONED: { text: 'Forlatt', color: 'neutral' },
};

export const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);

/** The discrepancy kinds, in the order the chart and the filter show them. */
export const KINDS = [
  ['SPRAAK_UPSTREAM_NEWER', 'Språk endret senere i registeret'],
  ['SPRAAK_LOCAL_NEWER', 'Språk endret senere her'],
  ['VARSLINGSSTATUS_MISMATCH', 'Ulik varslingsstatus'],
  ['STATUS_MISMATCH', 'Ulik status'],
  ['UPSTREAM_ERROR', 'Feil fra registeret'],
];
const KIND_LABELS = Object.fromEntries(KINDS);
export const kindLabel = (kind) => KIND_LABELS[kind] || kind;

export const ACTIONS = {
  NONE: 'Ingen',
  UPDATED: 'Rettet',
  KEPT_LOCAL: 'Lokal verdi beholdt',
  HELD: 'Holdt tilbake (slettevern)',
  SKIPPED_CHANGED: 'Ikke rettet: endret i mellomtiden',
  REPAIR: 'Skal rettes',
};
export const actionLabel = (action) => ACTIONS[action] || action || '–';

export const ACTORS = {
  citizen: 'innbygger',
  'import-persons': 'import',
  'reconcile-persons': 'retting',
};
export const actorLabel = (actor) => ACTORS[actor] || actor || '–';

/**
 * The batch parameter startedBy ("sub=<sub>;client_id=<client>" or "schedule") for people:
 * "operator-1 (krr-admin-console)" or "tidsplanen".
 */
export function startedByLabel(startedBy) {
  if (!startedBy) {
    return '–';
  }
  if (startedBy === 'schedule') {
    return 'tidsplanen';
  }
  const parts = Object.fromEntries(startedBy.split(';').map((p) => {
    const at = p.indexOf('=');
    return at < 0 ? [p, ''] : [p.slice(0, at).trim(), p.slice(at + 1).trim()];
  }));
  if (!parts.sub) {
    return startedBy;
  }
  const client = parts.client_id && parts.client_id !== '-' ? ` (${parts.client_id})` : '';
  return `${parts.sub}${client}`;
}

/**
 * Makes an element: el('a', {href: '#/', class: 'ds-link'}, 'text', child…). Attributes set to
 * null, undefined or false are left out; true sets an empty attribute. Children may be strings.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A Designsystemet tag for a batch status. */
export function statusTag(status) {
  const s = STATUSES[status] || { text: status || 'Ukjent', color: 'neutral' };
  return el('span', { class: 'ds-tag', 'data-color': s.color, 'data-status': status }, s.text);
}
