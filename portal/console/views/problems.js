// Pages and panels for when the console cannot do what was asked: a non-admin account, a
// service that cannot be reached, a section that failed to load.

import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { TEXT } from '../text.js';

/** Signed in, but not as a clinic admin (a dermatologist, a patient, an operator). */
export function notAdminView(app) {
  app.setPage('For clinic admins');
  const groups = app.identity.groups();
  const where = groups.includes('patient')
    ? 'Patients sign in on their clinic’s own page: use the link in your clinic’s email or letter.'
    : groups.includes('dermatologist')
      ? 'Dermatologists review cases in the dermatologist workbench.'
      : 'Ask your clinic’s admin to give you access if you need it.';
  return h('section', { 'aria-labelledby': 'page-title', id: 'not-admin', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'This console is for clinic admins'),
    h('p', { class: 'lead' }, 'You’re signed in, but your account isn’t a clinic admin account, so there is nothing to manage here.'),
    h('div', { class: 'card' }, h('p', {}, where)),
    h('button', { type: 'button', class: 'button button--secondary', id: 'not-admin-sign-out',
      onclick: () => { app.identity.signOut(); app.go('', { flash: { kind: 'info', text: TEXT.signedOut } }); } },
    'Sign out and use another account'));
}

export function unavailableView(app) {
  app.setPage('Not available right now');
  return h('section', { 'aria-labelledby': 'page-title', id: 'console-unavailable', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'The clinic console isn’t available right now'),
    h('p', { class: 'lead' }, 'We couldn’t reach DermRelay. Check your connection, then try again.'),
    h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, TEXT.tryAgain));
}

export function loadingSection() {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, 'Loading…'));
}

/** A section could not load; an ended session is the app's business (it shows sign-in). */
export function loadFailed(app, caught, retry) {
  const error = asPortalError(caught);
  if (error.kind === 'session-expired') return null;
  return h('div', { class: 'error-summary', role: 'alert', id: 'load-failed' },
    h('p', {}, `${TEXT.loadFailed} ${error.message}`),
    h('button', { type: 'button', class: 'button button--secondary', onclick: retry }, TEXT.tryAgain));
}
