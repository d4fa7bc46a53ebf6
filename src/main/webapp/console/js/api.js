// Talking to the service: the session, the CSRF token, problem details (RFC 9457) and 401s.

const LOGIN = '/console/login';

/** A refusal or failure, with a sentence fit for the page (the problem's detail). */
export class Problem extends Error {
  constructor(message, status = 0, title = '') {
    super(message);
    this.name = 'Problem';
    this.status = status;
    this.title = title;
  }
}

const FALLBACK = {
  400: 'Tjenesten godtok ikke forespørselen.',
  403: 'Du har ikke tilgang til dette.',
  404: 'Fant ikke det du ba om.',
  409: 'Handlingen passer ikke med tilstanden akkurat nå. Last siden på nytt og se.',
  413: 'Det som ble sendt, er for stort for tjenesten.',
  415: 'Tjenesten godtar ikke dette formatet.',
  429: 'For mange forespørsler. Vent litt og prøv igjen.',
};
const SERVER_TROUBLE = 'Tjenesten svarte med en feil. Prøv igjen om litt.';
const NETWORK_TROUBLE = 'Fikk ikke kontakt med tjenesten. Sjekk forbindelsen og prøv igjen.';

/** The page's sentence for a status without a problem body. */
export function fallbackText(status) {
  return FALLBACK[status] || (status >= 500 ? SERVER_TROUBLE : 'Noe gikk galt. Prøv igjen.');
}

/** The Problem in a response body, if it is problem JSON; else a sentence for the status. */
export function problemFrom(status, contentType, text) {
  if (contentType && contentType.includes('json') && text) {
    try {
      const body = JSON.parse(text);
      const message = (typeof body.detail === 'string' && body.detail.trim())
        || (typeof body.title === 'string' && body.title.trim());
      if (message) {
        return new Problem(message, status, body.title || '');
      }
    } catch (e) {
      // not JSON after all: fall through
    }
  }
  return new Problem(fallbackText(status), status);
}

/** Leaves for the login page; what called it never resumes. */
export function toLogin() {
  location.href = LOGIN;
  return new Promise(() => {});
}

let session = null;
let sessionLoading = null;

/** The session ({operator, clientId, csrf, expiresAt}), fetched once. */
export function loadSession() {
  if (!sessionLoading) {
    sessionLoading = call('GET', '/console/session').then((s) => {
      session = s;
      return s;
    });
    sessionLoading.catch(() => { sessionLoading = null; });
  }
  return sessionLoading;
}

async function csrfToken() {
  const s = session || await loadSession();
  return s.csrf;
}

/**
 * One call. Options: json (a body to send as JSON), accept (default JSON), allow (statuses
 * that are answers, not errors: e.g. 503 from /health/ready), raw (return the Response).
 * Non-GET calls carry the session's CSRF token. A 401 goes to the login page.
 */
export async function call(method, url, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  let body;
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = await csrfToken();
  }
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, body, credentials: 'same-origin', cache: 'no-store', signal: options.signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') {
      throw e;
    }
    throw new Problem(NETWORK_TROUBLE);
  }
  if (response.status === 401) {
    return toLogin();
  }
  const allowed = options.allow && options.allow.includes(response.status);
  if (!response.ok && !allowed) {
    throw problemFrom(response.status, response.headers.get('Content-Type'), await response.text().catch(() => ''));
  }
  if (options.raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Problem(SERVER_TROUBLE, response.status);
  }
}

export const get = (url, options) => call('GET', url, options);
export const post = (url, json, options = {}) => call('POST', url, { ...options, json });

/**
 * Uploads a file as the body of a POST with XMLHttpRequest, so that the upload's progress can be
 * shown: onProgress(loaded, total). Resolves with the parsed JSON answer.
 */
export async function upload(url, file, contentType, onProgress) {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status === 401) {
        toLogin();
        return;
      }
      const type = xhr.getResponseHeader('Content-Type');
      if (xhr.status < 200 || xhr.status > 299) {
        reject(problemFrom(xhr.status, type, xhr.responseText));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch (e) {
        reject(new Problem(SERVER_TROUBLE, xhr.status));
      }
    };
    xhr.onerror = () => reject(new Problem(NETWORK_TROUBLE));
    xhr.onabort = () => reject(new Problem('Opplastingen ble avbrutt.'));
    xhr.send(file);
  });
}
