import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { finishSignIn, showFlash } from './session.js';

/** The clinic's front door: sign in, or find the way to an account. */
export function signInView(app, flash) {
  app.setPage('Sign in');
  const message = messageBox();
  showFlash(message, flash);
  const email = field({
    label: 'Email', name: 'email', type: 'email', autocomplete: 'username',
    inputmode: 'email', autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  const password = passwordField({
    label: 'Password', name: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = submitButton('Sign in', 'Signing in…');

  const form = h('form', { class: 'form', novalidate: true, id: 'sign-in-form' },
    message.root, email.root, password.root, h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    email.setError(null);
    password.setError(null);
    const address = normaliseEmail(email.input.value);
    if (!EMAIL.test(address)) {
      email.setError('Enter the email address you signed up with, like name@example.com.');
      email.input.focus();
      return;
    }
    if (!password.input.value) {
      password.setError('Enter your password.');
      password.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await app.identity.signIn(address, password.input.value);
        await finishSignIn(app);
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'not-confirmed') {
          await sendNewCode(app, address, password.input.value);
          return;
        }
        password.input.value = '';
        message.error(error.message);
        if (error.field === 'password') password.setError('Check your password, then try again.');
        message.root.focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Sign in'),
    h('p', { class: 'lead' },
      `Send photos of a skin concern to ${app.clinic.displayName}’s dermatologists and read their answer, from your phone.`),
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside' }, 'New here? ',
      h('a', { href: app.href('create-account'), 'data-route': 'create-account', id: 'create-account-link' }, 'Create an account')),
    h('p', { class: 'aside' }, 'Got a code by email? ',
      h('a', { href: app.href('confirm'), 'data-route': 'confirm' }, 'Confirm your email')));
}

/** An unconfirmed account signing in: send a fresh code and take them to enter it. */
async function sendNewCode(app, email, password) {
  app.pendingSignUp = { email, password };
  let text = 'Please confirm your email first. We’ve sent you a new 6-digit code.';
  try {
    await app.identity.resendConfirmationCode(email);
  } catch (error) {
    text = 'Please confirm your email first: enter the 6-digit code from the email we sent you.';
  }
  app.navigate('confirm', { flash: { kind: 'info', text } });
}
