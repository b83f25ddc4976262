// Pages for when the workbench cannot do what was asked: an account that is not a
// dermatologist's, a service that cannot be reached, a panel that failed to load.

import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';

/** Signed in, but not as a dermatologist (a patient, a clinic admin, an operator). */
export function notDermatologistView(app) {
  app.setPage('For dermatologists');
  const groups = app.identity.groups();
  const where = groups.includes('clinic_admin')
    ? h('p', {}, 'Clinic admins run their clinic in the ', h('a', { href: '/console/' }, 'clinic console'), '.')
    : groups.includes('patient')
      ? h('p', {}, 'Patients sign in on their clinic’s own page: use the link in your clinic’s email or letter.')
      : h('p', {}, 'If you review cases for a clinic, ask its admin to invite you as a dermatologist.');
  return h('section', { 'aria-labelledby': 'page-title', id: 'not-dermatologist', class: 'wb-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'The workbench is for dermatologists'),
    h('p', { class: 'lead' }, 'You’re signed in, but your account isn’t a dermatologist’s, so there are no cases to review here.'),
    h('div', { class: 'card' }, where),
    h('button', { type: 'button', class: 'button button--secondary', id: 'not-dermatologist-sign-out',
      onclick: () => app.signOut({ kind: 'info', text: 'You’re signed out.' }) },
    'Sign out and use another account'));
}

export function unavailableView(app) {
  app.setPage?.('Not available right now');
  return h('section', { 'aria-labelledby': 'page-title', id: 'workbench-unavailable', class: 'wb-narrow problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'The workbench isn’t available right now'),
    h('p', { class: 'lead' }, 'We couldn’t reach DermRelay. Check your connection, then try again.'),
    h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, 'Try again'));
}

/** A panel could not load; an ended session is the app's business (it shows sign-in). */
export function loadFailed(caught, retry) {
  const error = asPortalError(caught);
  if (error.kind === 'session-expired') return null;
  return h('div', { class: 'error-summary', role: 'alert', id: 'load-failed' },
    h('p', {}, `This didn’t load. ${error.message}`),
    h('button', { type: 'button', class: 'button button--secondary button--small', onclick: retry }, 'Try again'));
}

export function loading(text = 'Loading…') {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, text));
}
