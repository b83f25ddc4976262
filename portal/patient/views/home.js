import { h } from '/shared/dom.js';
import { api } from '/shared/api.js';
import { messageBox } from '/shared/forms.js';
import { showFlash } from './session.js';

/** The signed-in patient's start page: who they are, which clinic, what happens next. */
export function homeView(app, flash) {
  const clinic = app.clinic;
  const claims = app.identity.claims() ?? {};
  const fullName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null;
  const greeting = fullName ? `Hello, ${fullName.split(/\s+/)[0]}` : 'Hello';
  app.setPage('Your consultations');
  const message = messageBox();
  showFlash(message, flash);
  checkSessionWithApi(app, message);

  const support = clinic.branding?.supportEmail
    ? h('a', { href: `mailto:${clinic.branding.supportEmail}` }, clinic.branding.supportEmail)
    : null;

  return h('section', { 'aria-labelledby': 'page-title', id: 'home' },
    message.root,
    h('h1', { id: 'page-title', tabindex: '-1' }, greeting),
    h('p', { class: 'lead', id: 'signed-in-as' },
      'You’re signed in to ', h('strong', {}, clinic.displayName),
      fullName ? [' as ', fullName] : null,
      claims.email ? [' (', claims.email, ')'] : null, '.'),
    h('div', { class: 'card' },
      h('h2', {}, 'What happens next'),
      h('ol', { class: 'steps' },
        h('li', {}, h('strong', {}, 'Tell us about your skin concern'),
          'A few short questions: where it is, how long you’ve had it, and any medicines you take.'),
        h('li', {}, h('strong', {}, 'Take a few clear photos'),
          'We guide you through distance, light and focus, and check each photo straight away.'),
        h('li', {}, h('strong', {}, `A dermatologist from ${clinic.displayName} reviews it`),
          'They write back here with what they think it is and what to do next. We’ll email you when your answer is ready.'))),
    h('div', { class: 'notice', role: 'note' },
      h('p', {}, h('strong', {}, 'Not for emergencies. '),
        'If you feel very unwell, or a mark is bleeding, spreading fast or very painful, get urgent care now rather than waiting for an online answer.')),
    support ? h('p', {}, 'Questions about your account? Write to ', support, '.') : null);
}

/**
 * Asks the API who we are: proves the token works end to end, and ends the session calmly if
 * it does not (api() signs out on a refused token).
 */
async function checkSessionWithApi(app, message) {
  try {
    await api('/me', { identity: app.identity });
  } catch (error) {
    if (error.kind !== 'session-expired') {
      message.error(error.message ?? 'We couldn’t reach the clinic’s service. Please try again shortly.');
    }
  }
}
