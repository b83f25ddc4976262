// The white-labelled patient portal at /c/{slug}/: loads the configuration, the clinic's
// branding and the texts in the patient's language, then routes between the views. Routes are
// paths under the clinic's base and carry ids at most (a case id); what a patient types or the
// state of their case never goes into a URL.

import { loadConfig } from '/shared/config.js';
import { applyColours, loadClinic, safeLogoUrl, setTitle } from '/shared/branding.js';
import { Identity } from '/shared/identity.js';
import { asPortalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { chooseLanguage, currentLanguage, prefetchLanguage, rememberChoice, t, useLanguage } from '/shared/i18n.js';
import { signInView } from './views/sign-in.js';
import { clinicNotFoundView, unavailableView } from './views/problems.js';
import { closedNotice, supportContact, takesNewPatients } from './clinic.js';
import { clearPending } from './pending-photos.js';
import { INTAKE_STEPS } from './intake-steps.js';
import { earlyBranding, slug } from './first-requests.js';
import { CLINIC_SUSPENDED_EVENT, suspendedPage } from '/shared/clinic-suspended.js';

const I18N_DIR = '/patient/i18n';
/** The dictionaries the patient portal has (a clinic offers some of them). */
const PORTAL_LANGUAGES = ['en', 'es'];
const CASE_ID = '[A-Za-z0-9_-]{1,64}';

/** The case wizard, unless the clinic takes no new cases (the API would refuse it with 409). */
async function newCaseView() {
  const { emergencyView } = await import('./views/emergency.js');
  return (app, flash) => {
    if (takesNewPatients(app.clinic)) return emergencyView(app, flash);
    app.setPage(t('home.start'));
    return h('section', { 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title', tabindex: '-1' }, t('home.start')),
      closedNotice(app.clinic),
      h('p', {}, h('a', { href: app.href('home'), 'data-route': 'home' }, t('clinic.closed.back'))));
  };
}

/**
 * A view whose code is fetched the first time it is shown: a patient on a slow phone network
 * waits for the sign-in screen's code only, not for every screen the portal has.
 */
function later(load, name) {
  return () => load().then((module) => module[name]);
}

/** Patterns of the paths under the clinic's base, with the view of each (or how to fetch it). */
const ROUTES = [
  { pattern: '', view: signInView, signedIn: false },
  { pattern: 'create-account', load: later(() => import('./views/create-account.js'), 'createAccountView'), signedIn: false },
  { pattern: 'confirm', load: later(() => import('./views/confirm.js'), 'confirmView'), signedIn: false },
  { pattern: 'home', load: later(() => import('./views/home.js'), 'homeView'), signedIn: true },
  { pattern: 'new', load: newCaseView, signedIn: true },
  { pattern: 'privacy', load: later(() => import('./views/privacy.js'), 'privacyView'), signedIn: true },
  { pattern: `cases/(${CASE_ID})`, load: later(() => import('./views/case.js'), 'caseView'), signedIn: true },
  { pattern: `cases/(${CASE_ID})/photos`, load: later(() => import('./views/photos.js'), 'photosView'), signedIn: true },
  { pattern: `cases/(${CASE_ID})/(${INTAKE_STEPS.join('|')})`, load: later(() => import('./views/intake.js'), 'intakeStepView'), signedIn: true },
].map((route) => ({ ...route, regex: new RegExp(`^${route.pattern}$`) }));

const main = document.getElementById('main');
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
  /** Cases read this visit, by id, in memory only: the wizard's steps share the draft. */
  cases: new Map(),
  href(route) {
    return base + route;
  },
  navigate(route, { flash = null, replace: replaceEntry = false } = {}) {
    app.flash = flash;
    const method = replaceEntry ? 'replaceState' : 'pushState';
    window.history[method]({}, '', base + route);
    render({ focus: true });
  },
  /** Draws the current view again (after a language change). */
  rerender() {
    render({ focus: false });
  },
  setPage(title) {
    setTitle(title, app.clinic?.displayName);
  },
};

async function start() {
  // Configuration, branding and texts are fetched at once, not one after another: on a slow
  // phone network each round trip costs about half a second. English is always loaded (it is the
  // fallback); the patient's likely language is guessed before the clinic's list is known.
  prefetchLanguage(I18N_DIR, 'en');
  prefetchLanguage(I18N_DIR, chooseLanguage(PORTAL_LANGUAGES));
  const [config, found] = await Promise.allSettled([loadConfig(), loadClinic(slug, { sent: earlyBranding })]);
  if (config.status === 'rejected') {
    console.error('dermrelay: portal configuration', config.reason?.message);
    await useLanguage(I18N_DIR, chooseLanguage(['en'])).catch(() => {});
    showProblem(unavailableView(app, { retry: false }));
    return;
  }
  app.config = config.value;
  if (found.status === 'rejected') {
    await useLanguage(I18N_DIR, chooseLanguage(['en'])).catch(() => {});
    showProblem(unavailableView(app, { retry: true, error: asPortalError(found.reason) }));
    return;
  }
  const clinic = found.value;
  await useLanguage(I18N_DIR, chooseLanguage(clinic?.languages ?? ['en']));
  if (!clinic) {
    showProblem(clinicNotFoundView(app));
    return;
  }
  app.clinic = clinic;
  app.identity = new Identity(app.config, clinic.tenantId);
  app.identity.onSessionEnded(() => {
    // Drafts are saved on the server step by step: nothing is lost by signing in again.
    app.cases.clear();
    app.navigate('', { flash: { kind: 'error', text: t('session.expired') }, replace: true });
  });
  applyClinic(clinic);
  window.addEventListener('popstate', () => render({ focus: true }));
  window.addEventListener(CLINIC_SUSPENDED_EVENT, showSuspended);
  main.addEventListener('click', followInternalLink);
  window.addEventListener('offline', () => showConnection(false));
  window.addEventListener('online', () => showConnection(true));
  if (!navigator.onLine) showConnection(false);
  render({ focus: false });
}

function applyClinic(clinic) {
  const branding = clinic.branding ?? {};
  applyColours(branding);
  document.getElementById('clinic-name').textContent = clinic.displayName;
  const logo = document.getElementById('clinic-logo');
  const logoUrl = safeLogoUrl(branding.logoUrl);
  if (logoUrl) {
    logo.src = logoUrl;
    logo.hidden = false;
    logo.addEventListener('error', () => { logo.hidden = true; });
  }
  document.getElementById('site-header').hidden = false;
  renderFooter();
  document.getElementById('site-footer').hidden = false;
}

function renderFooter() {
  const clinic = app.clinic;
  const branding = clinic.branding ?? {};
  const contact = supportContact(branding);
  replace(document.getElementById('site-footer-inner'),
    languageSwitch(),
    contact.length ? h('p', { id: 'support-contact' }, t('footer.questions', { clinic: clinic.displayName }), ' ', contact, '.') : null,
    branding.legalFooter ? h('p', { id: 'legal-footer' }, branding.legalFooter) : null);
}

function currentRoute() {
  const rest = window.location.pathname.slice(base.length).replace(/\/+$/, '');
  for (const route of ROUTES) {
    const match = route.regex.exec(rest);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}

/** Counts renders, so a view whose code arrives after the patient moved on is not shown. */
let renders = 0;

async function render({ focus }) {
  const found = currentRoute();
  if (found === null) {
    // An old or mistyped link inside a known clinic: its front door is the kindest answer.
    window.history.replaceState({}, '', base);
    return render({ focus });
  }
  const { route, params } = found;
  const signedIn = app.identity.isSignedIn();
  if (route.signedIn && !signedIn) {
    window.history.replaceState({}, '', base);
    return render({ focus });
  }
  if (!route.signedIn && signedIn) {
    window.history.replaceState({}, '', base + 'home');
    return render({ focus });
  }
  const ticket = ++renders;
  const flash = app.flash;
  app.flash = null;
  let view = route.view;
  if (!view) {
    try {
      view = await route.load();
    } catch (error) {
      // The screen's code could not be fetched (the connection dropped): say so, offer a retry.
      if (ticket === renders) showProblem(unavailableView(app, { retry: true, error: asPortalError(error) }));
      return;
    }
    if (ticket !== renders) return;
  }
  renderHeaderActions(signedIn);
  renderFooter();
  replace(main, view(app, flash, ...params));
  if (focus) {
    // A new view starts at the top, and screen readers hear that the page changed, as a full
    // page load would do.
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

function renderHeaderActions(signedIn) {
  const actions = document.getElementById('header-actions');
  replace(actions,
    signedIn
      ? h('button', { type: 'button', class: 'button button--header', id: 'sign-out', onclick: signOut }, t('nav.signOut'))
      : null);
}

/**
 * A switch to each other language the clinic offers, named in its own language. In the footer:
 * the header stays the clinic's name and sign-out, and Tab goes from the skip link to the form.
 */
function languageSwitch() {
  const offered = (app.clinic.languages ?? []).filter((language) => language !== currentLanguage());
  if (!offered.length) return null;
  return h('p', { class: 'language-switch', id: 'language-switch' }, offered.map((language) => h('button', {
    type: 'button', class: 'link-button', lang: language, 'data-language': language,
    onclick: async () => {
      rememberChoice(language);
      await useLanguage(I18N_DIR, language);
      app.rerender();
    },
  }, t(`language.${language}`))));
}

function signOut() {
  app.identity.signOut();
  app.pendingSignUp = null;
  app.cases.clear();
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith('dermrelay.submit.')) window.sessionStorage.removeItem(key);
  }
  // Photos still on their way are health data on a possibly shared device: gone with the session.
  clearPending();
  app.navigate('', { flash: { kind: 'info', text: t('session.signedOut') } });
}

/** A banner while the device is offline; the forms keep what was typed. */
function showConnection(online) {
  let banner = document.getElementById('offline-banner');
  if (online) {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = h('div', { id: 'offline-banner', class: 'offline-banner', role: 'status' }, t('offline.banner'));
    document.body.prepend(banner);
  }
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

/**
 * The platform operator suspended the clinic: every call is refused alike, so the page says so
 * instead of the view that called, with the clinic's contact. Signing out stays in the header.
 */
function showSuspended() {
  renders += 1; // a view still loading does not replace this page
  const contact = supportContact(app.clinic.branding ?? {});
  replace(main, suspendedPage(app.clinic.displayName, ...(contact.length ? [' ', ...contact, '.'] : [])));
  setTitle(t('suspended.title', { clinic: app.clinic.displayName }), app.clinic.displayName);
  (main.querySelector('h1') ?? main).focus({ preventScroll: true });
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
