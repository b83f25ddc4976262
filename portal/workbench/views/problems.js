// Pages for when the workbench cannot do what was asked: an account that is not a
// dermatologist's, a service that cannot be reached, a panel that failed to load.

import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { has, t } from '/shared/i18n.js';

/** The unavailable page may come before any dictionary loaded: English then. */
const say = (key, english) => (has(key) ? t(key) : english);

/** Signed in, but not as a dermatologist (a patient, a clinic admin, an operator). */
export function notDermatologistView(app) {
  app.setPage(t('problem.forDermatologists'));
  const groups = app.identity.groups();
  const where = groups.includes('clinic_admin')
    ? h('p', {}, t('problem.adminsBefore'), h('a', { href: '/console/' }, t('problem.console')), t('problem.adminsAfter'))
    : groups.includes('patient')
      ? h('p', {}, t('problem.patients'))
      : h('p', {}, t('problem.others'));
  return h('section', { 'aria-labelledby': 'page-title', id: 'not-dermatologist', class: 'wb-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('problem.notDermatologist')),
    h('p', { class: 'lead' }, t('problem.notDermatologistText')),
    h('div', { class: 'card' }, where),
    h('button', { type: 'button', class: 'button button--secondary', id: 'not-dermatologist-sign-out',
      onclick: () => app.signOut({ kind: 'info', text: t('header.signedOut') }) },
    t('problem.switchAccount')));
}

export function unavailableView(app) {
  app.setPage?.(say('problem.unavailablePage', 'Not available right now'));
  return h('section', { 'aria-labelledby': 'page-title', id: 'workbench-unavailable', class: 'wb-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, say('problem.unavailable', 'The workbench isn’t available right now')),
    h('p', { class: 'lead' }, say('problem.unavailableText', 'We couldn’t reach DermRelay. Check your connection, then try again.')),
    h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, say('problem.tryAgain', 'Try again')));
}

/** A panel could not load; an ended session is the app's business (it shows sign-in). */
export function loadFailed(caught, retry) {
  const error = asPortalError(caught);
  if (error.kind === 'session-expired') return null;
  return h('div', { class: 'error-summary', role: 'alert', id: 'load-failed' },
    h('p', {}, t('problem.loadFailed', { reason: error.message })),
    h('button', { type: 'button', class: 'button button--secondary button--small', onclick: retry }, t('problem.tryAgain')));
}

export function loading(text = t('page.loading')) {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, text));
}
