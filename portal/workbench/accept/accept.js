// /workbench/accept?token=...: the page an invitation e-mail links to. The dermatologist signs
// in (choosing a password the first time), the invitation is accepted (acceptInvitation), and the
// worklist is one click away. The token leaves the address bar at once; until it is used it waits
// in sessionStorage (it is a single-use key, not health data), so a reload or the first-password
// step does not lose it.

import { api } from '/shared/api.js';
import { loadConfig } from '/shared/config.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { t } from '/shared/i18n.js';
import { StaffIdentity } from '/shared/staff-identity.js';
import { startLanguage } from '/shared/staff-language.js';
import { newPasswordView, signInView } from '../views/sign-in.js';
import { unavailableView } from '../views/problems.js';

const TOKEN_KEY = 'dermrelay.invitation';
const main = document.getElementById('main');

const app = {
  identity: null,
  challenge: null,
  route: '',
  go(route, { flash = null } = {}) {
    app.route = route;
    render(flash);
  },
  setPage(title) {
    document.title = [title, 'DermRelay'].join(' · ');
  },
};

function takeToken() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    window.sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search);
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

async function start() {
  let config;
  try {
    // The sign-in form is the workbench's, in the workbench's languages.
    await startLanguage('/workbench/i18n', ['en', 'es']);
    config = await loadConfig();
  } catch (error) {
    takeToken();
    replace(main, unavailableView(app));
    return;
  }
  app.identity = new StaffIdentity(config, 'workbench');
  render(null);
}

function render(flash) {
  const token = takeToken();
  let node;
  if (!token) {
    node = page(t('invite.incomplete'), t('invite.incompleteText'));
  } else if (!app.identity.isSignedIn()) {
    node = app.route === 'new-password' && app.challenge
      ? newPasswordView(app)
      : signInView(app, flash, {
        title: t('invite.signIn'),
        lead: t('invite.signInLead'),
      });
  } else {
    node = h('div', { class: 'loading', role: 'status' }, h('p', {}, t('invite.accepting')));
    accept(token);
  }
  replace(main, node);
  (main.querySelector('h1') ?? main).focus({ preventScroll: true });
}

async function accept(token) {
  let node;
  try {
    const joined = await api('/invitations/accept', { method: 'POST', identity: app.identity, body: { token } });
    window.sessionStorage.removeItem(TOKEN_KEY);
    app.setPage(t('invite.accepted'));
    node = h('section', { 'aria-labelledby': 'page-title', class: 'wb-narrow', id: 'invitation-accepted' },
      h('h1', { id: 'page-title', tabindex: '-1' }, t('invite.joined', { clinic: joined.displayName ?? t('invite.theClinic') })),
      h('p', { class: 'lead' }, t('invite.joinedText')),
      h('a', { href: '/workbench/', class: 'button', id: 'open-worklist' }, t('invite.openWorklist')));
  } catch (caught) {
    const error = asPortalError(caught);
    if (error.kind === 'session-expired') { app.go(''); return; }
    const status = caught?.status;
    if (status === 403) {
      node = page(t('invite.someoneElse'), t('invite.someoneElseText'), true);
    } else if (status === 410 || status === 404) {
      window.sessionStorage.removeItem(TOKEN_KEY);
      node = page(status === 410 ? t('invite.used') : t('invite.unknown'), t('invite.usedText'), true);
    } else {
      node = h('section', { class: 'wb-narrow' }, h('h1', { tabindex: '-1' }, t('invite.notYet')),
        h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, error.message)),
        h('button', { type: 'button', class: 'button', onclick: () => render(null) }, t('problem.tryAgain')));
    }
  }
  replace(main, node);
  main.querySelector('h1')?.focus({ preventScroll: true });
}

function page(title, text, withSignOut = false) {
  app.setPage(title);
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-narrow problem-page', id: 'invitation-problem' },
    h('h1', { id: 'page-title', tabindex: '-1' }, title),
    h('div', { class: 'card' }, h('p', {}, text)),
    withSignOut && app.identity?.isSignedIn()
      ? h('button', { type: 'button', class: 'button button--secondary', onclick: () => { app.identity.signOut(); app.go(''); } }, t('header.signOut'))
      : h('a', { href: '/workbench/' }, t('invite.toWorkbench')));
}

start().catch(() => replace(main, unavailableView(app)));
