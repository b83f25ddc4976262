// Pages for when there is no clinic to show: calm, plain, and with a way forward.

import { h } from '/shared/dom.js';

export function clinicNotFoundView() {
  document.title = 'Clinic not found';
  return h('section', { 'aria-labelledby': 'page-title', id: 'clinic-not-found', class: 'problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'We can’t find this clinic'),
    h('p', { class: 'lead' },
      'The web address may have a typing mistake in it, or the link may be out of date.'),
    h('div', { class: 'card' },
      h('h2', {}, 'What you can do'),
      h('ul', {},
        h('li', {}, 'Check the address, or open the link from your clinic’s email or letter again.'),
        h('li', {}, 'If it still doesn’t work, contact your clinic: they can send you the right link.'))),
    h('p', {}, 'Nothing has been sent and no information was shared.'));
}

/** The service could not be reached or is not set up; `retry` offers a reload. */
export function unavailableView(app, { retry }) {
  document.title = 'Not available right now';
  return h('section', { 'aria-labelledby': 'page-title', id: 'portal-unavailable', class: 'problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'This page isn’t available right now'),
    h('p', { class: 'lead' }, retry
      ? 'We couldn’t reach the clinic’s service. Check your internet connection, then try again.'
      : 'The service is being set up or updated. Please try again later.'),
    retry ? h('button', { type: 'button', class: 'button', onclick: () => window.location.reload() }, 'Try again') : null);
}
