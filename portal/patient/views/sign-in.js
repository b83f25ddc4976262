import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, passwordField, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { t } from '/shared/i18n.js';
import { finishSignIn, showFlash } from './session.js';
import { closedNotice, takesNewPatients } from '../clinic.js';

/** The clinic's front door: sign in, or find the way to an account. */
export function signInView(app, flash) {
  app.setPage(t('account.signIn.title'));
  const message = messageBox();
  showFlash(message, flash);
  const email = field({
    label: t('account.email'), name: 'email', type: 'email', autocomplete: 'username',
    inputmode: 'email', autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  const password = passwordField({
    label: t('account.password'), name: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = submitButton(t('account.signIn.submit'), t('account.signIn.busy'));

  const form = h('form', { class: 'form', novalidate: true, id: 'sign-in-form' },
    message.root, email.root, password.root, h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    email.setError(null);
    password.setError(null);
    const address = normaliseEmail(email.input.value);
    if (!EMAIL.test(address)) {
      email.setError(t('account.signIn.emailInvalid'));
      email.input.focus();
      return;
    }
    if (!password.input.value) {
      password.setError(t('account.signIn.passwordMissing'));
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
        if (error.field === 'password') password.setError(t('account.signIn.checkPassword'));
        message.root.focus();
      }
    });
  });

  return h('section', { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('account.signIn.title')),
    h('p', { class: 'lead' }, t('account.signIn.lead', { clinic: app.clinic.displayName })),
    h('div', { class: 'card' }, form),
    takesNewPatients(app.clinic)
      ? h('p', { class: 'aside' }, t('account.signIn.newHere'), ' ',
        h('a', { href: app.href('create-account'), 'data-route': 'create-account', id: 'create-account-link' }, t('account.signIn.createLink')))
      : closedNotice(app.clinic, 'clinic.closed.signUpText'),
    h('p', { class: 'aside' }, t('account.signIn.gotCode'), ' ',
      h('a', { href: app.href('confirm'), 'data-route': 'confirm' }, t('account.signIn.confirmLink'))));
}

/** An unconfirmed account signing in: send a fresh code and take them to enter it. */
async function sendNewCode(app, email, password) {
  app.pendingSignUp = { email, password };
  let text = t('account.signIn.newCodeSent');
  try {
    await app.identity.resendConfirmationCode(email);
  } catch (error) {
    text = t('account.signIn.enterCode');
  }
  app.navigate('confirm', { flash: { kind: 'info', text } });
}
