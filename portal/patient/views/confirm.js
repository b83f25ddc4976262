import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { finishSignIn, showFlash } from './session.js';

/**
 * The 6-digit code from the sign-up email. Straight after sign-up the email is known and the
 * patient is signed in once the code is right; arriving later (a new tab, a reload) they type
 * their email too, then sign in as usual.
 */
export function confirmView(app, flash) {
  app.setPage('Confirm your email');
  const pending = app.pendingSignUp;
  const message = messageBox();
  showFlash(message, flash);
  const email = pending ? null : field({
    label: 'Email', name: 'email', type: 'email', autocomplete: 'username', inputmode: 'email',
    autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  const code = field({
    label: '6-digit code', name: 'code', class: 'code-input', inputmode: 'numeric',
    autocomplete: 'one-time-code', pattern: '[0-9]*', maxlength: '8', required: true,
    hint: 'It’s in the email we sent. It can take a minute to arrive; check your spam folder too.',
  });
  const submit = submitButton('Confirm', 'Checking…');
  const resend = h('button', { type: 'button', class: 'link-button', id: 'resend-code' }, 'Send me a new code');

  const form = h('form', { class: 'form', novalidate: true, id: 'confirm-form' },
    message.root, email?.root, code.root, h('div', { class: 'actions' }, submit.button));

  const emailAddress = () => pending?.email ?? normaliseEmail(email.input.value);
  const checkEmail = () => {
    if (!email) return true;
    email.setError(null);
    if (EMAIL.test(emailAddress())) return true;
    email.setError('Enter the email address you signed up with.');
    email.input.focus();
    return false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    code.setError(null);
    if (!checkEmail()) return;
    const digits = code.input.value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(digits)) {
      code.setError('Enter the 6 digits from the email, like 123456.');
      code.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await app.identity.confirmSignUp(emailAddress(), digits);
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'already-confirmed') {
          app.navigate('', { flash: { kind: 'info', text: error.message } });
          return;
        }
        show(error);
        return;
      }
      await signInAfterConfirming(app);
    });
  });

  resend.addEventListener('click', async () => {
    message.clear();
    if (!checkEmail()) return;
    resend.disabled = true;
    resend.setAttribute('aria-busy', 'true');
    resend.textContent = 'Sending a new code…';
    try {
      await app.identity.resendConfirmationCode(emailAddress());
      message.info('We’ve sent you a new code. Please use the newest email.');
    } catch (caught) {
      show(asPortalError(caught));
    } finally {
      resend.disabled = false;
      resend.removeAttribute('aria-busy');
      resend.textContent = 'Send me a new code';
    }
  });

  function show(error) {
    if (error.field === 'code') {
      code.setError(error.message);
      code.input.focus();
    } else if (error.field === 'email' && email) {
      email.setError(error.message);
      email.input.focus();
    } else {
      message.error(error.message);
      message.root.focus();
    }
  }

  return h('section', { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Confirm your email'),
    h('p', { class: 'lead' }, pending
      ? ['Enter the code we sent to ', h('strong', {}, pending.email), '.']
      : 'Enter your email and the code we sent to it.'),
    h('div', { class: 'card' }, form,
      h('p', { class: 'aside' }, 'Didn’t get it? ', resend)),
    h('p', { class: 'aside' }, h('a', { href: app.href(''), 'data-route': '' }, 'Back to sign in')));
}

async function signInAfterConfirming(app) {
  const pending = app.pendingSignUp;
  const confirmed = { kind: 'info', text: 'Your email is confirmed. Please sign in.' };
  if (!pending) {
    app.navigate('', { flash: confirmed });
    return;
  }
  try {
    await app.identity.signIn(pending.email, pending.password);
    await finishSignIn(app);
  } catch (caught) {
    app.pendingSignUp = null;
    app.navigate('', { flash: { kind: 'info', text: 'Your email is confirmed. Please sign in to continue.' } });
  }
}
