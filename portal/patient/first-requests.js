// The first screen's API request, started by the page itself: this module has no imports and is
// listed before app.js, so on a phone network the clinic's branding travels alongside the
// portal's code instead of after it (each request there waits about half a second). app.js
// imports this same module (it runs once) and hands the response to the API client.

function slugFromPath(pathname) {
  try {
    return decodeURIComponent(pathname.split('/')[2] ?? '');
  } catch (e) {
    return '';
  }
}

/** The clinic's slug from /c/{slug}/...; '' (no such clinic) when it is not decodable. */
export const slug = slugFromPath(window.location.pathname);

/**
 * The response to GET /public/clinics/{slug}/branding, or null when it was not sent or did not
 * arrive (the API client then sends it again and reports what goes wrong). branding.js checks
 * the slug's form before it uses this; a malformed one is simply not found.
 * @type {Promise<Response | null>}
 */
export const earlyBranding = slug !== ''
  ? fetch(`/public/clinics/${encodeURIComponent(slug)}/branding`, {
    headers: { Accept: 'application/json, application/problem+json' },
    cache: 'no-store',
    credentials: 'same-origin',
  }).catch(() => null)
  : Promise.resolve(null);
