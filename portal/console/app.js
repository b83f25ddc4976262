// The clinic console at /console/: a clinic admin signs in (or signs a new clinic up) and runs
// the clinic's dashboard, branding, service settings, team and audit log. Sections are named in
// the URL's fragment (#dashboard, #team, ...); nothing else goes into a URL.

import { loadConfig } from '/shared/config.js';
import { asPortalError, portalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { AdminIdentity } from './admin-identity.js';
import { api } from '/shared/api.js';
import { currentLanguage, t, useLanguage } from '/shared/i18n.js';
import { languageSwitch, startLanguage, translateFixedTexts } from '/shared/staff-language.js';
import { TEXT } from './text.js';
import { signInView, newPasswordView } from './views/sign-in.js';
import { signUpView } from './views/sign-up.js';
import { notAdminView, unavailableView } from './views/problems.js';
import { brandingView } from './views/branding.js';
import { settingsView } from './views/settings.js';
import { teamView } from './views/team.js';
import { auditView } from './views/audit.js';
import { dashboardView } from './views/dashboard.js';
import { ehrDeliveriesView } from './ehr-deliveries.js';
import { templatesView } from './views/templates.js';
import { researchView } from './views/research.js';
import { usageView } from './views/usage.js';
import { qualityView } from './views/quality.js';
import { CLINIC_SUSPENDED_EVENT, suspendedPage } from '/shared/clinic-suspended.js';

const SIGNED_OUT = { '': signInView, 'sign-up': signUpView, 'new-password': newPasswordView };
const SIGNED_IN = { dashboard: dashboardView, branding: brandingView, settings: settingsView, team: teamView, audit: auditView,
  'ehr-deliveries': ehrDeliveriesView, templates: templatesView, research: researchView, usage: usageView,
  quality: qualityView };
const HOME = 'dashboard';
const I18N_DIR = '/console/i18n';
/** The languages the console is written in. */
const WRITTEN = ['en', 'es'];

const main = document.getElementById('main');
const nav = document.getElementById('console-nav');

/** What views share. Drafts keep unsaved form values in memory across an expired session. */
const app = {
  config: null,
  identity: null,
  flash: null,
  /** {session, email} of a NEW_PASSWORD_REQUIRED challenge; memory only. */
  challenge: null,
  /** The e-mail to prefill on the sign-in form (after a clinic signs up). */
  signInEmail: null,
  drafts: {},
  /** The languages offered: the console's, then (signed in) those of them the clinic enabled. */
  languages: WRITTEN,
  tenantId() {
    return app.identity.tenantId();
  },
  go(section, { flash = null } = {}) {
    app.flash = flash;
    if (window.location.hash.slice(1) === section) {
      render({ focus: true });
    } else {
      window.location.hash = section; // hashchange renders
    }
  },
  setPage(title) {
    document.title = [title, TEXT.consoleTitle].filter(Boolean).join(' · ');
  },
  /** A call's refusal as the views show it; an ended session leads back to sign-in. */
  explain(error) {
    return asPortalError(error);
  },
};

async function start() {
  try {
    await startLanguage(I18N_DIR, WRITTEN);
    app.config = await loadConfig();
  } catch (error) {
    console.error('dermrelay: console configuration', error.message);
    show(unavailableView(app));
    return;
  }
  app.identity = new AdminIdentity(app.config, 'console');
  // The operator suspended the clinic: every section's calls are refused alike, so the page says
  // so instead; signing out stays in the header.
  window.addEventListener(CLINIC_SUSPENDED_EVENT, () => {
    show(suspendedPage(null));
    app.setPage(t('suspended.titleUnnamed'));
  });
  app.identity.onSessionEnded(() => {
    app.go('', { flash: { kind: 'error', text: portalError('session-expired').message } });
  });
  window.addEventListener('hashchange', () => {
    // The skip link's #main is a jump within the page, not a section.
    if (window.location.hash !== '#main') render({ focus: true });
  });
  window.addEventListener('offline', () => { document.getElementById('offline-banner').hidden = false; });
  window.addEventListener('online', () => { document.getElementById('offline-banner').hidden = true; });
  document.getElementById('offline-banner').hidden = navigator.onLine !== false;
  render({ focus: false });
}

function render({ focus }) {
  const section = window.location.hash.slice(1);
  const signedIn = app.identity.isSignedIn();
  const flash = app.flash;
  app.flash = null;
  let view;
  if (!signedIn) {
    view = SIGNED_OUT[section] ?? signInView;
    if (view === newPasswordView && !app.challenge) view = signInView;
    nav.hidden = true;
    renderHeader(false);
  } else if (!app.identity.isClinicAdmin() || !app.tenantId()) {
    view = notAdminView;
    nav.hidden = true;
    renderHeader(true);
  } else {
    if (!Object.hasOwn(SIGNED_IN, section)) {
      window.history.replaceState(null, '', `#${HOME}`);
      return render({ focus });
    }
    view = SIGNED_IN[section];
    nav.hidden = false;
    for (const link of nav.querySelectorAll('a[data-section]')) {
      if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    renderHeader(true);
  }
  replace(main, view(app, flash));
  if (focus) {
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

function renderHeader(signedIn) {
  const claims = signedIn ? app.identity.claims() ?? {} : {};
  document.getElementById('console-clinic').textContent = signedIn && claims.email ? claims.email : '';
  if (signedIn && app.identity.isClinicAdmin() && app.tenantId() && app.languages === WRITTEN) loadClinicLanguages();
  const switcher = languageSwitch(I18N_DIR, app.languages, () => render({ focus: false }));
  replace(document.getElementById('header-actions'), signedIn
    ? [switcher, h('button', { type: 'button', class: 'button button--header', id: 'sign-out', onclick: signOut }, TEXT.signOut)]
    : switcher);
}

/**
 * The clinic's enabled languages (its settings) that the console is written in; the console
 * moves to the clinic's first one if the current language is not among them. Read once a sign-in.
 */
async function loadClinicLanguages() {
  app.languages = [...WRITTEN];
  try {
    const { config } = await api(`/clinics/${encodeURIComponent(app.tenantId())}/settings`, { identity: app.identity });
    const enabled = (config.languages ?? []).map((l) => String(l).toLowerCase().split('-')[0]).filter((l) => WRITTEN.includes(l));
    app.languages = enabled.length ? [...new Set(enabled)] : ['en'];
  } catch (error) {
    return; // the sections say what failed; the switch keeps the console's languages
  }
  if (app.languages.includes(currentLanguage())) {
    if (app.identity.isSignedIn()) renderHeader(true); // the switch, with the clinic's languages
    return;
  }
  await useLanguage(I18N_DIR, app.languages[0]);
  translateFixedTexts();
  render({ focus: false });
}

function signOut() {
  app.identity.signOut();
  app.languages = WRITTEN;
  app.drafts = {};
  app.challenge = null;
  app.go('', { flash: { kind: 'info', text: TEXT.signedOut } });
}

function show(node) {
  nav.hidden = true;
  replace(main, node);
}

start().catch((error) => {
  console.error('dermrelay: console failed to start', error);
  show(unavailableView(app));
});
