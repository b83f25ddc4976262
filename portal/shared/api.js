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

// Refusals whose problem type says more than their status: the clinic's shared request rate (its
// plan, issue 19) is no fault of the person using the page, unlike "too many tries".
const CLINIC_BUSY = 'urn:dermrelay:problem:clinic-request-rate';
const PROBLEM_KINDS = new Map([[CLINIC_BUSY, 'clinic-busy']]);

// Longest Retry-After the page waits out by itself before it shows the clinic is busy.
const MAX_REFILL_WAIT_SECONDS = 5;

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
  if (await waitedForRefill(response)) {
    response = await send(path, options, identity ? await identity.idToken() : null);
  }
  return read(response, identity);
}

/**
 * Whether the clinic's request rate refused the request and the page waited the short time the
 * answer asked for: such a refusal happens before anything is done, so any request may be sent
 * again once, whatever its method.
 */
async function waitedForRefill(response) {
  if (response.status !== 429) return false;
  const seconds = Number(response.headers.get('Retry-After'));
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_REFILL_WAIT_SECONDS) return false;
  const problem = await response.clone().json().catch(() => null);
  if (problem?.type !== CLINIC_BUSY) return false;
  // A little spread, so the page's parallel requests do not all come back in the same instant.
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + Math.random() * 300));
  return true;
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
  if (await waitedForRefill(response)) {
    response = await send(path, options, identity ? await identity.idToken() : null);
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
  const byType = PROBLEM_KINDS.get(problem?.type);
  if (byType) {
    return Promise.reject(new ApiError(byType, portalError(byType).message, response.status, problem));
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
