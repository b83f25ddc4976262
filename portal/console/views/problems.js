// Pages and panels for when the console cannot do what was asked: a non-admin account, a
// service that cannot be reached, a section that failed to load.

import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { has, t } from '/shared/i18n.js';
import { TEXT } from '../text.js';

/** The unavailable page may come before any dictionary loaded: English then. */
const say = (key, english) => (has(key) ? t(key) : english);

/** Signed in, but not as a clinic admin (a dermatologist, a patient, an operator). */
export function notAdminView(app) {
  app.setPage(t('problem.forAdmins'));
  const groups = app.identity.groups();
  const where = groups.includes('patient')
    ? t('problem.patients')
    : groups.includes('dermatologist')
      ? t('problem.dermatologists')
      : t('problem.others');
  return h('section', { 'aria-labelledby': 'page-title', id: 'not-admin', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('problem.notAdmin')),
    h('p', { class: 'lead' }, t('problem.notAdminText')),
    h('div', { class: 'card' }, h('p', {}, where)),
    h('button', { type: 'button', class: 'button button--secondary', id: 'not-admin-sign-out',
      onclick: () => { app.identity.signOut(); app.go('', { flash: { kind: 'info', text: TEXT.signedOut } }); } },
    t('problem.switchAccount')));
}

export function unavailableView(app) {
  app.setPage(say('problem.unavailablePage', 'Not available right now'));
  return h('section', { 'aria-labelledby': 'page-title', id: 'console-unavailable', class: 'console-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, say('problem.unavailable', 'The clinic console isn’t available right now')),
    h('p', { class: 'lead' }, say('problem.unavailableText', 'We couldn’t reach DermRelay. Check your connection, then try again.')),
    h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, say('text.tryAgain', 'Try again')));
}

export function loadingSection() {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, t('page.loading')));
}

/** A section could not load; an ended session is the app's business (it shows sign-in). */
export function loadFailed(app, caught, retry) {
  const error = asPortalError(caught);
  if (error.kind === 'session-expired') return null;
  return h('div', { class: 'error-summary', role: 'alert', id: 'load-failed' },
    h('p', {}, `${TEXT.loadFailed} ${error.message}`),
    h('button', { type: 'button', class: 'button button--secondary', onclick: retry }, TEXT.tryAgain));
}
