/* global fetch, sessionStorage */
/**
 * The only way pages talk to the server: this service's own API, same origin, JSON.
 * The organiser's token (JWT) and a manager's invite token live in sessionStorage (gone when the
 * tab closes) and are sent as `Authorization: Bearer …`.
 */

const ORGANISER_KEY = 'ic.organiserToken';
const INVITE_KEY = 'ic.inviteToken';

export const session = {
  organiserToken: () => sessionStorage.getItem(ORGANISER_KEY),
  inviteToken: () => sessionStorage.getItem(INVITE_KEY),
  setOrganiserToken: (token) => sessionStorage.setItem(ORGANISER_KEY, token),
  setInviteToken: (token) => sessionStorage.setItem(INVITE_KEY, token),
  clearOrganiser: () => sessionStorage.removeItem(ORGANISER_KEY),
  clearInvite: () => sessionStorage.removeItem(INVITE_KEY),
};

/** An error answer of the API: `status`, stable `code`, `message`, and `errors` `[{path, message}]`. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? 'ERROR';
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }

  /** The issues whose path is `path` or lies under it (`wishes[2]` → `wishes[2].rank`). */
  issuesAt(path) {
    return this.errors.filter(
      (issue) =>
        issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
    );
  }
}

let onUnauthorized = () => {};
/** Called when the API says the token is missing, wrong or expired (401). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * Calls `/api/<path>`. `as`: 'organiser' (default) or 'manager' picks the token. `body`: JSON unless
 * a string with `contentType`. Answers the parsed JSON (or text), with `etag` kept on `response`.
 */
export async function api(
  path,
  { method = 'GET', body, as = 'organiser', headers = {}, contentType, raw } = {},
) {
  const token = as === 'manager' ? session.inviteToken() : session.organiserToken();
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    if (contentType) {
      init.headers['Content-Type'] = contentType;
      init.body = body;
    } else {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(`/api/${path}`, init);
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: 'network' });
  }
  if (!response.ok) {
    let errorBody;
    try {
      errorBody = await response.json();
    } catch {
      errorBody = undefined;
    }
    const error = new ApiError(response.status, errorBody);
    if (response.status === 401 && path !== 'auth/login') onUnauthorized(as, error);
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  return data;
}

/** Like `api`, and also the version of the ETag header (wish lists and availability). */
export async function apiWithVersion(path, options) {
  const response = await api(path, { ...options, raw: true });
  const data = await response.json();
  const etag = response.headers.get('ETag');
  const version = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : data.version;
  return { data, version };
}
