// The one way the client talks to the server: the public REST API under /ipa/api and the session
// endpoint /ipa/session, same-origin, with the session cookie. Every call says it is this client
// (no browser password dialog on a 401), every change is JSON and carries the session's CSRF
// token, which lives in this module only (never in storage).

const root = new URL('../', import.meta.url); // /ipa/
let csrfToken = null;

export function setToken(token) {
  csrfToken = token ?? null;
}

/** A refusal of the server, with its problem details (RFC 9457) when it sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `The server answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The bad fields of a 400, as {name -> reason}, with the request's prefix ("variables.", "values.") taken off. */
  fieldErrors(prefix) {
    const errors = {};
    for (const error of this.problem.errors ?? []) {
      const field = prefix && error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field;
      errors[field] = error.reason;
    }
    return errors;
  }
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'ipa-client' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(new URL(path, root), {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check the connection and try again.' });
  }
  const text = await response.text();
  const data = text ? safeParse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && path !== 'session') {
      window.dispatchEvent(new CustomEvent('ipa:signed-out'));
    }
    throw new ApiError(response.status, data && typeof data === 'object' ? data : null);
  }
  return data;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Saves what a GET answers as CSV (Accept: text/csv) as a file, through a link the page clicks. */
async function download(path, fileName) {
  let response;
  try {
    response = await fetch(new URL(`api/${path}`, root), { headers: { Accept: 'text/csv', 'X-Requested-With': 'ipa-client' },
      credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, safeParse(await response.text()));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: (path) => call('GET', `api/${path}`),
  post: (path, body) => call('POST', `api/${path}`, body),
  put: (path, body) => call('PUT', `api/${path}`, body),
  del: (path) => call('DELETE', `api/${path}`),
  download,
  encode: encodeURIComponent,
};
