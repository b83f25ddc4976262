// The white-labelled patient portal at /c/{slug}/: loads the configuration and the clinic's
// branding, then routes between the views. Routes are paths under the clinic's base; what a
// patient types or the state of their case never goes into a URL.

import { loadConfig } from '/shared/config.js';
import { applyColours, loadClinic, safeLogoUrl, setTitle } from '/shared/branding.js';
import { Identity } from '/shared/identity.js';
import { asPortalError, portalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { signInView } from './views/sign-in.js';
import { createAccountView } from './views/create-account.js';
import { confirmView } from './views/confirm.js';
import { homeView } from './views/home.js';
import { clinicNotFoundView, unavailableView } from './views/problems.js';

const ROUTES = {
  '': { view: signInView, signedIn: false },
  'create-account': { view: createAccountView, signedIn: false },
  confirm: { view: confirmView, signedIn: false },
  home: { view: homeView, signedIn: true },
};

const main = document.getElementById('main');
const slug = slugFromPath(window.location.pathname);
const base = `/c/${encodeURIComponent(slug)}/`;

/** What views share: the clinic, the identity client, navigation and one-off messages. */
const app = {
  clinic: null,
  identity: null,
  config: null,
  /** A message for the next view only, e.g. "You've signed out." */
  flash: null,
  /** Sign-up state kept in memory only: the email and password, for signing in after confirming. */
  pendingSignUp: null,
  href(route) {
    return base + route;
  },
  navigate(route, { flash = null, replace: replaceEntry = false } = {}) {
    app.flash = flash;
    const method = replaceEntry ? 'replaceState' : 'pushState';
    window.history[method]({}, '', base + route);
    render({ focus: true });
  },
  setPage(title) {
    setTitle(title, app.clinic?.displayName);
  },
};

async function start() {
  try {
    app.config = await loadConfig();
  } catch (error) {
    console.error('dermrelay: portal configuration', error.message);
    showProblem(unavailableView(app, { retry: false }));
    return;
  }
  let clinic;
  try {
    clinic = await loadClinic(slug);
  } catch (error) {
    showProblem(unavailableView(app, { retry: true, error: asPortalError(error) }));
    return;
  }
  if (!clinic) {
    showProblem(clinicNotFoundView(app));
    return;
  }
  app.clinic = clinic;
  app.identity = new Identity(app.config, clinic.tenantId);
  app.identity.onSessionEnded(() => {
    app.navigate('', { flash: { kind: 'error', text: portalError('session-expired').message }, replace: true });
  });
  applyClinic(clinic);
  window.addEventListener('popstate', () => render({ focus: true }));
  main.addEventListener('click', followInternalLink);
  render({ focus: false });
}

function applyClinic(clinic) {
  const branding = clinic.branding ?? {};
  applyColours(branding);
  document.documentElement.lang = clinic.languages?.[0] ?? 'en';
  document.getElementById('clinic-name').textContent = clinic.displayName;
  const logo = document.getElementById('clinic-logo');
  const logoUrl = safeLogoUrl(branding.logoUrl);
  if (logoUrl) {
    logo.src = logoUrl;
    logo.hidden = false;
    logo.addEventListener('error', () => { logo.hidden = true; });
  }
  document.getElementById('site-header').hidden = false;

  const contact = [];
  if (branding.supportEmail) {
    contact.push(h('a', { href: `mailto:${branding.supportEmail}` }, branding.supportEmail));
  }
  if (branding.supportPhone) {
    if (contact.length) contact.push(' or ');
    contact.push(h('a', { href: `tel:${branding.supportPhone.replace(/[^+\d]/g, '')}` }, branding.supportPhone));
  }
  replace(document.getElementById('site-footer-inner'),
    contact.length ? h('p', { id: 'support-contact' }, 'Questions? Contact ', clinic.displayName, ': ', contact, '.') : null,
    branding.legalFooter ? h('p', { id: 'legal-footer' }, branding.legalFooter) : null);
  document.getElementById('site-footer').hidden = false;
}

function currentRoute() {
  const rest = window.location.pathname.slice(base.length).replace(/\/+$/, '');
  return Object.hasOwn(ROUTES, rest) ? rest : null;
}

function render({ focus }) {
  const route = currentRoute();
  if (route === null) {
    // An old or mistyped link inside a known clinic: its front door is the kindest answer.
    window.history.replaceState({}, '', base);
    return render({ focus });
  }
  const signedIn = app.identity.isSignedIn();
  if (ROUTES[route].signedIn && !signedIn) {
    window.history.replaceState({}, '', base);
    return render({ focus });
  }
  if (!ROUTES[route].signedIn && signedIn) {
    window.history.replaceState({}, '', base + 'home');
    return render({ focus });
  }
  renderHeaderActions(signedIn);
  const flash = app.flash;
  app.flash = null;
  replace(main, ROUTES[route].view(app, flash));
  if (focus) {
    // A new view starts at the top, and screen readers hear that the page changed, as a full
    // page load would do.
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

function renderHeaderActions(signedIn) {
  const actions = document.getElementById('header-actions');
  replace(actions, signedIn
    ? h('button', { type: 'button', class: 'button button--header', id: 'sign-out', onclick: signOut }, 'Sign out')
    : null);
}

function signOut() {
  app.identity.signOut();
  app.pendingSignUp = null;
  app.navigate('', { flash: { kind: 'info', text: 'You have signed out. Thank you for using our service.' } });
}

/** Links inside the app change the view without a page load; others behave as usual. */
function followInternalLink(event) {
  const link = event.target.closest('a[data-route]');
  if (!link || event.defaultPrevented || event.button !== 0
      || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  app.navigate(link.dataset.route);
}

/** The clinic's slug from /c/{slug}/...; '' (no such clinic) when it is not decodable. */
function slugFromPath(pathname) {
  try {
    return decodeURIComponent(pathname.split('/')[2] ?? '');
  } catch (e) {
    return '';
  }
}

function showProblem(node) {
  document.getElementById('site-header').hidden = true;
  document.getElementById('site-footer').hidden = true;
  replace(main, node);
}

start().catch((error) => {
  console.error('dermrelay: portal failed to start', error);
  showProblem(unavailableView(app, { retry: true, error: asPortalError(error) }));
});
