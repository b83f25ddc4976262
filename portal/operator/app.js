// The operator console at /operator/: DermRelay's own on-call staff (the platform_operator group)
// see every clinic with its status, plan, this month's usage and review queue, suspend and resume
// a clinic, change its plan, and see the platform's health (docs/operations.md, "Operator
// console"). Anyone else who signs in is told this console is not for them. Nothing goes into a URL.

import { loadConfig } from '/shared/config.js';
import { portalError } from '/shared/errors.js';
import { h, replace } from '/shared/dom.js';
import { StaffIdentity } from '/shared/staff-identity.js';
import { t } from '/shared/i18n.js';
import { languageSwitch, startLanguage } from '/shared/staff-language.js';
import { newPasswordView as sharedNewPasswordView, signInView as sharedSignInView, staffSignIn, staffSignInWords } from '/shared/sign-in.js';
import { clinicsView } from './clinics.js';

const PLATFORM_OPERATOR = 'platform_operator';
const I18N_DIR = '/operator/i18n';
const LANGUAGES = ['en', 'es'];
const main = document.getElementById('main');

const app = {
  config: null,
  identity: null,
  flash: null,
  challenge: null,
  go(section, { flash = null } = {}) {
    app.flash = flash;
    if (window.location.hash.slice(1) === section) render({ focus: true });
    else window.location.hash = section; // hashchange renders
  },
  setPage(title) {
    document.title = [title, t('page.title')].filter(Boolean).join(' · ');
  },
};

async function start() {
  try {
    await startLanguage(I18N_DIR, LANGUAGES);
    app.config = await loadConfig();
  } catch (error) {
    console.error('dermrelay: operator console configuration', error.message);
    replace(main, unavailableView());
    return;
  }
  app.identity = new StaffIdentity(app.config, 'operator');
  app.identity.onSessionEnded(() => {
    app.go('', { flash: { kind: 'error', text: portalError('session-expired').message } });
  });
  window.addEventListener('hashchange', () => {
    if (window.location.hash !== '#main') render({ focus: true });
  });
  render({ focus: false });
}

function render({ focus }) {
  const section = window.location.hash.slice(1);
  const flash = app.flash;
  app.flash = null;
  let view;
  if (!app.identity.isSignedIn()) {
    view = section === 'new-password' && app.challenge ? newPasswordView : signInView;
  } else if (!app.identity.groups().includes(PLATFORM_OPERATOR)) {
    view = notForYouView;
  } else {
    view = clinicsView;
  }
  renderHeader();
  replace(main, view(app, flash));
  if (focus) {
    window.scrollTo(0, 0);
    (main.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

function renderHeader() {
  const signedIn = app.identity.isSignedIn();
  const email = signedIn ? app.identity.claims()?.email ?? '' : '';
  document.getElementById('operator-account').textContent = email;
  const switcher = languageSwitch(I18N_DIR, LANGUAGES, () => render({ focus: false }));
  replace(document.getElementById('header-actions'), signedIn
    ? [switcher, h('button', { type: 'button', class: 'button button--header', id: 'sign-out', onclick: signOut }, t('text.signOut'))]
    : switcher);
}

function signOut() {
  app.identity.signOut();
  app.challenge = null;
  app.go('', { flash: { kind: 'info', text: t('text.signedOut') } });
}

function signInView(appState, flash) {
  return sharedSignInView(appState, flash, {
    words: staffSignInWords(),
    signIn: staffSignIn(appState, 'clinics'),
    sectionClass: 'console-narrow',
  });
}

function newPasswordView(appState) {
  return sharedNewPasswordView(appState, { home: 'clinics', sectionClass: 'console-narrow' });
}

/** Signed in, but not as a platform operator: the console and its API are not for this account. */
function notForYouView() {
  app.setPage(t('problem.notForYou'));
  return h('section', { 'aria-labelledby': 'page-title', id: 'not-for-you', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('problem.notForYou')),
    h('p', { class: 'lead' }, t('problem.notForYouText')),
    h('button', { type: 'button', class: 'button button--secondary', id: 'not-for-you-sign-out', onclick: signOut },
      t('problem.switchAccount')));
}

function unavailableView() {
  return h('section', { id: 'operator-unavailable', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'The operator console isn’t available right now'),
    h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, 'Try again'));
}

start().catch((error) => {
  console.error('dermrelay: operator console failed to start', error);
  replace(main, unavailableView());
});
