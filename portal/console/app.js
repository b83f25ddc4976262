// The clinic console at /console/: a clinic admin signs in (or signs a new clinic up) and runs
// the clinic's dashboard, branding, service settings, team and audit log. Sections are named in
// the URL's fragment (#dashboard, #team, ...); nothing else goes into a URL.

import { loadConfig } from '/shared/config.js';
import { asPortalError, portalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { AdminIdentity } from './admin-identity.js';
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

const SIGNED_OUT = { '': signInView, 'sign-up': signUpView, 'new-password': newPasswordView };
const SIGNED_IN = { dashboard: dashboardView, branding: brandingView, settings: settingsView, team: teamView, audit: auditView,
  'ehr-deliveries': ehrDeliveriesView };
const HOME = 'dashboard';

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
    app.config = await loadConfig();
  } catch (error) {
    console.error('dermrelay: console configuration', error.message);
    show(unavailableView(app));
    return;
  }
  app.identity = new AdminIdentity(app.config, 'console');
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
  replace(document.getElementById('header-actions'), signedIn
    ? h('button', { type: 'button', class: 'button button--header', id: 'sign-out', onclick: signOut }, TEXT.signOut)
    : null);
}

function signOut() {
  app.identity.signOut();
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
