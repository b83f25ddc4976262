// Calls to DermRelay's HTTP API on the portal's own origin. Health data goes in request bodies,
// never in paths or query strings: URLs end up in logs, browser history and referrers.

import { PortalError, portalError } from './errors.js';
import { CLINIC_SUSPENDED, CLINIC_SUSPENDED_EVENT } from './clinic-suspended.js';

/** An API refusal: `status` and the problem's `type` for code, a plain `message` for people. */
export class ApiError extends PortalError {
  constructor(kind, message, status, problem) {
    super(kind, message);
    this.name = 'ApiError';
    this.status = status;
    this.problemType = problem?.type ?? 'about:blank';
    // The problem's detail names the fields at fault; forms may use it to pick a field.
    this.detail = typeof problem?.detail === 'string' ? problem.detail : null;
    // Each bad or missing field by JSON pointer (400, incomplete submission), for forms to mark.
    this.errors = Array.isArray(problem?.errors)
      ? problem.errors.filter((e) => typeof e?.pointer === 'string').map((e) => ({ pointer: e.pointer, detail: String(e.detail ?? '') }))
      : [];
  }
}

// The words for each kind are errors.js's (translated where the page has a dictionary).
const STATUS_KINDS = [
  [401, 'session-expired'],
  [403, 'forbidden'],
  [404, 'not-found'],
  [409, 'conflict'],
  [413, 'too-large'],
  [429, 'too-many-attempts'],
  [503, 'unavailable'],
];

/**
 * Sends a request and returns the parsed JSON body (null for 204).
 * @param path an absolute path such as `/me`; ids only, never health data
 * @param options {method, body (sent as JSON), headers (extra request headers), identity (adds
 *     its ID token), signal, sent (a Promise of the Response to this same unauthenticated request,
 *     already sent by the page; null sends it here)}
 */
export async function api(path, options = {}) {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new Error('api paths are absolute paths on this origin');
  }
  const { identity } = options;
  const early = identity ? null : await options.sent;
  let response = early ?? await send(path, options, identity ? await identity.idToken() : null);
  if (response.status === 401 && identity) {
    // The token may have expired between the check and the call: one refresh, one retry.
    await identity.refresh();
    response = await send(path, options, await identity.idToken());
  }
  return read(response, identity);
}

/**
 * As {@link api}, for a file to download (e.g. the answer letter, a PDF): answers a Blob. Refusals
 * throw the same errors as {@link api}.
 */
export async function apiFile(path, options = {}) {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new Error('api paths are absolute paths on this origin');
  }
  const { identity } = options;
  let response = await send(path, options, identity ? await identity.idToken() : null);
  if (response.status === 401 && identity) {
    await identity.refresh();
    response = await send(path, options, await identity.idToken());
  }
  if (response.ok) {
    return response.blob();
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
  if (response.status === 403 && problem?.type === CLINIC_SUSPENDED) {
    // The page, not the view that called, says so: every call of the clinic is refused alike.
    window.dispatchEvent(new CustomEvent(CLINIC_SUSPENDED_EVENT));
  }
  const known = STATUS_KINDS.find(([status]) => status === response.status);
  if (known) {
    const [status, kind] = known;
    return Promise.reject(new ApiError(kind, portalError(kind).message, status, problem));
  }
  if (response.status >= 400 && response.status < 500) {
    return Promise.reject(new ApiError('invalid-input', portalError('invalid-input').message, response.status, problem));
  }
  return Promise.reject(new ApiError('unexpected', portalError('unexpected').message, response.status, problem));
}
