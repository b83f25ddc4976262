// The portal's runtime configuration: where the identity service is and which app client to use.
//
// Production: the deploy writes /runtime-config.json next to the static files, so one build of
// the portal runs in every environment. Locally, portal/runtime-config.json holds the defaults of
// `local-dev/start` (identity on port 9229).
//
// Local-testing hook: the integration tests start the identity service on a free port, so a page
// served from a loopback host (localhost, 127.0.0.1, [::1]) accepts `?config=<url-encoded JSON>`
// with any of the keys below. The override is kept in sessionStorage for the rest of the tab's
// session and the parameter is removed from the address bar. On any other host the parameter is
// ignored, so a link can never point a real patient's browser at another identity service.

const OVERRIDE_KEY = 'dermrelay.config';
const QUERY_PARAMETER = 'config';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const CLIENT_ID = /^[\w.+-]{1,128}$/;
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

export class ConfigError extends Error {}

/**
 * Reads /runtime-config.json, applies a loopback-only override, checks the result.
 * @returns {Promise<Readonly<{identityUrl: string, clientId: string, userPoolId?: string}>>}
 */
export async function loadConfig(env = {}) {
  const location = env.location ?? window.location;
  const storage = env.storage ?? window.sessionStorage;
  const fetchImpl = env.fetch ?? window.fetch.bind(window);
  const loopback = LOOPBACK_HOSTS.has(location.hostname);

  if (loopback) {
    takeOverrideFromQuery(location, storage);
  }
  const base = await fetchBase(fetchImpl);
  const override = loopback ? readOverride(storage) : {};
  return check({ ...base, ...override }, loopback);
}

async function fetchBase(fetchImpl) {
  let response;
  try {
    response = await fetchImpl('/runtime-config.json', { cache: 'no-cache' });
  } catch (e) {
    throw new ConfigError('runtime-config.json could not be fetched');
  }
  if (!response.ok) {
    throw new ConfigError(`runtime-config.json answered ${response.status}`);
  }
  try {
    return pick(await response.json());
  } catch (e) {
    throw new ConfigError('runtime-config.json is not a JSON object');
  }
}

function takeOverrideFromQuery(location, storage) {
  const url = new URL(location.href);
  const raw = url.searchParams.get(QUERY_PARAMETER);
  if (raw === null) {
    return;
  }
  try {
    storage.setItem(OVERRIDE_KEY, JSON.stringify(pick(JSON.parse(raw))));
  } catch (e) {
    // A broken override is a developer's typo: say so in the console, keep the defaults.
    console.warn('dermrelay: ignoring ?config=, it is not a JSON object');
  }
  url.searchParams.delete(QUERY_PARAMETER);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

function readOverride(storage) {
  try {
    return pick(JSON.parse(storage.getItem(OVERRIDE_KEY) ?? '{}'));
  } catch (e) {
    storage.removeItem(OVERRIDE_KEY);
    return {};
  }
}

/** Only the known keys, only strings: nothing else from outside reaches the app. */
function pick(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('not an object');
  }
  const picked = {};
  for (const key of ['identityUrl', 'clientId', 'userPoolId']) {
    if (typeof value[key] === 'string' && value[key].trim() !== '') {
      picked[key] = value[key].trim();
    }
  }
  return picked;
}

function check(config, loopback) {
  let url;
  try {
    url = new URL(config.identityUrl);
  } catch (e) {
    throw new ConfigError('identityUrl is missing or not a URL');
  }
  // Passwords travel to this address: plain http only where nothing leaves the machine.
  const plainAllowed = loopback && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed)) {
    throw new ConfigError('identityUrl must use https');
  }
  if (!CLIENT_ID.test(config.clientId ?? '')) {
    throw new ConfigError('clientId is missing or malformed');
  }
  if (config.userPoolId !== undefined && !USER_POOL_ID.test(config.userPoolId)) {
    throw new ConfigError('userPoolId is malformed');
  }
  return Object.freeze({
    identityUrl: url.origin + url.pathname.replace(/\/+$/, ''),
    clientId: config.clientId,
    userPoolId: config.userPoolId,
  });
}
