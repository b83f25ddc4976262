// Calls to DermRelay's HTTP API on the portal's own origin. Health data goes in request bodies,
// never in paths or query strings: URLs end up in logs, browser history and referrers.

import { PortalError, portalError } from './errors.js';

/** An API refusal: `status` and the problem's `type` for code, a plain `message` for people. */
export class ApiError extends PortalError {
  constructor(kind, message, status, problem) {
    super(kind, message);
    this.name = 'ApiError';
    this.status = status;
    this.problemType = problem?.type ?? 'about:blank';
    // The problem's detail names the fields at fault; forms may use it to pick a field.
    this.detail = typeof problem?.detail === 'string' ? problem.detail : null;
    // RFC 9457 `errors`: one {pointer, detail} per bad field of the request body.
    this.errors = Array.isArray(problem?.errors)
      ? problem.errors.filter((e) => typeof e?.pointer === 'string')
      : [];
  }
}

const STATUS_KINDS = [
  [401, 'session-expired', null],
  [403, 'forbidden', 'You don’t have access to this. If you think you should, contact your clinic.'],
  [404, 'not-found', 'We couldn’t find what you were looking for.'],
  [409, 'conflict', 'This was changed a moment ago. Please reload the page and try again.'],
  [413, 'too-large', 'That is too large to send. Please try a smaller file.'],
  [429, 'too-many-attempts', null],
];

/**
 * Sends a request and returns the parsed JSON body (null for 204).
 * @param path an absolute path such as `/me`; ids only, never health data
 * @param options {method, body (sent as JSON), identity (adds its ID token), headers, signal}
 */
export async function api(path, options = {}) {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new Error('api paths are absolute paths on this origin');
  }
  const { identity } = options;
  let response = await send(path, options, identity ? await identity.idToken() : null);
  if (response.status === 401 && identity) {
    // The token may have expired between the check and the call: one refresh, one retry.
    await identity.refresh();
    response = await send(path, options, await identity.idToken());
  }
  return read(response, identity);
}

async function send(path, { method = 'GET', body, signal, headers: extra = {} }, token) {
  const headers = { ...extra, Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw portalError('network');
  }
}

async function read(response, identity) {
  if (response.status === 204) {
    return null;
  }
  const body = await response.json().catch(() => null);
  if (response.ok) {
    return body;
  }
  const problem = body && typeof body === 'object' ? body : null;
  if (response.status === 401 && identity) {
    identity.endSession();
  }
  const known = STATUS_KINDS.find(([status]) => status === response.status);
  if (known) {
    const [status, kind, message] = known;
    return Promise.reject(new ApiError(kind, message ?? portalError(kind).message, status, problem));
  }
  if (response.status >= 400 && response.status < 500) {
    return Promise.reject(new ApiError('invalid-input', portalError('invalid-input').message, response.status, problem));
  }
  return Promise.reject(new ApiError('unexpected', portalError('unexpected').message, response.status, problem));
}
