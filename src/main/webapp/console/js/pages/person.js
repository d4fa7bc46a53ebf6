// #/person: a person's audit trail. The personidentifikator goes in a POST body, never in a URL.

import { post } from '../api.js';
import {
  actorLabel, el, osloTime, startedByLabel,
} from '../format.js';
import { pidProblem, normalize } from '../pid.js';
import { busy, fillTable, setText } from '../ui.js';

export const TEMPLATE = 'person';

const LIMIT = 100;

function value(v) {
  return v === undefined || v === null || v === ''
    ? el('td', { class: 'value empty-value' }, '(tom)')
    : el('td', { class: 'value' }, String(v));
}

function details(item) {
  const lines = [];
  if (item.clientId) {
    lines.push(el('div', {}, 'Klient: ', el('span', { class: 'code' }, item.clientId)));
  }
  if (item.consumerOrgno) {
    lines.push(el('div', {}, `Organisasjonsnummer: ${item.consumerOrgno}`));
  }
  if (item.acr) {
    lines.push(el('div', {}, `Innloggingsnivå: ${item.acr}`));
  }
  if (item.jti) {
    lines.push(el('div', {}, 'Token-id: ', el('span', { class: 'code' }, item.jti)));
  }
  if (item.jobExecutionId !== undefined && item.jobExecutionId !== null) {
    lines.push(el('div', {}, el('a', { class: 'ds-link', href: `#/kjoring/${item.jobExecutionId}` }, `Kjøring ${item.jobExecutionId}`)));
  }
  if (item.startedBy) {
    lines.push(el('div', {}, `Startet av ${startedByLabel(item.startedBy)}`));
  }
  return el('td', { class: 'details' }, lines.length ? lines : '–');
}

/** A member name such as kontaktinformasjon.epostadresse, breakable after each dot. */
function fieldName(field) {
  if (!field) {
    return '–';
  }
  const parts = field.split('.');
  const span = el('span', { class: 'code' });
  parts.forEach((part, i) => {
    span.append(i < parts.length - 1 ? `${part}.` : part);
    if (i < parts.length - 1) {
      span.append(el('wbr'));
    }
  });
  return span;
}

function auditRow(item) {
  return el('tr', {},
    el('td', { class: 'nowrap' }, osloTime(item.changedAt)),
    el('td', {}, fieldName(item.field)),
    value(item.old),
    value(item.new),
    el('td', {}, actorLabel(item.actor)),
    details(item));
}

export function render(view) {
  const $ = (selector) => view.querySelector(selector);
  const input = $('#pid');
  const error = $('#pid-error');
  const section = $('[data-audit-section]');
  const status = $('[data-audit-status]');
  let alive = true;

  function fieldError(message) {
    setText(error, message);
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  }

  input.addEventListener('input', () => {
    if (input.getAttribute('aria-invalid') === 'true' && !pidProblem(normalize(input.value))) {
      fieldError(null);
    }
  });

  $('#person-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const pid = normalize(input.value);
    const problem = pidProblem(pid);
    if (problem) {
      fieldError(problem);
      input.focus();
      return;
    }
    fieldError(null);
    busy($('#lookup'), async () => {
      status.textContent = 'Henter endringsloggen …';
      try {
        const answer = await post('/admin/v1/persons/audit', { personidentifikator: pid, limit: LIMIT });
        if (!alive) {
          return;
        }
        const items = (answer && answer.items) || [];
        $('#audit-title').textContent = `Endringslogg for ${answer.personidentifikator || pid}`;
        fillTable($('#audit'), items.map(auditRow));
        section.hidden = false;
        status.textContent = items.length === 0 ? 'Ingen endringer registrert.'
          : items.length >= LIMIT ? `Viser de ${LIMIT} siste endringene, nyeste først.`
            : `${items.length} ${items.length === 1 ? 'endring' : 'endringer'}, nyeste først.`;
      } catch (e) {
        status.textContent = '';
        if (e && e.status === 400) {
          // the server's reason belongs under the field as well
          fieldError(e.message);
        }
        throw e;
      }
    });
  });

  return () => {
    alive = false;
  };
}
