import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { asPortalError } from '/shared/errors.js';
import { normaliseEmail } from '/shared/identity.js';
import { t } from '/shared/i18n.js';
import { finishSignIn, showFlash } from './session.js';

/**
 * The 6-digit code from the sign-up email. Straight after sign-up the email is known and the
 * patient is signed in once the code is right; arriving later (a new tab, a reload) they type
 * their email too, then sign in as usual.
 */
export function confirmView(app, flash) {
  app.setPage(t('account.confirm.title'));
  const pending = app.pendingSignUp;
  const message = messageBox();
  showFlash(message, flash);
  const email = pending ? null : field({
    label: t('account.email'), name: 'email', type: 'email', autocomplete: 'username', inputmode: 'email',
    autocapitalize: 'none', spellcheck: 'false', required: true,
  });
  const code = field({
    label: t('account.confirm.code'), name: 'code', class: 'code-input', inputmode: 'numeric',
    autocomplete: 'one-time-code', pattern: '[0-9]*', maxlength: '8', required: true,
    hint: t('account.confirm.codeHint'),
  });
  const submit = submitButton(t('account.confirm.submit'), t('account.confirm.busy'));
  const resend = h('button', { type: 'button', class: 'link-button', id: 'resend-code' }, t('account.confirm.resend'));

  const form = h('form', { class: 'form', novalidate: true, id: 'confirm-form' },
    message.root, email?.root, code.root, h('div', { class: 'actions' }, submit.button));

  const emailAddress = () => pending?.email ?? normaliseEmail(email.input.value);
  const checkEmail = () => {
    if (!email) return true;
    email.setError(null);
    if (EMAIL.test(emailAddress())) return true;
    email.setError(t('account.confirm.emailInvalid'));
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
      code.setError(t('account.confirm.codeInvalid'));
      code.input.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await app.identity.confirmSignUp(emailAddress(), digits,
          { tenantId: app.clinic.tenantId, name: pending?.name });
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
    resend.textContent = t('account.confirm.resending');
    try {
      await app.identity.resendConfirmationCode(emailAddress());
      message.info(t('account.confirm.resent'));
    } catch (caught) {
      show(asPortalError(caught));
    } finally {
      resend.disabled = false;
      resend.removeAttribute('aria-busy');
      resend.textContent = t('account.confirm.resend');
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
    h('h1', { id: 'page-title', tabindex: '-1' }, t('account.confirm.title')),
    h('p', { class: 'lead' }, pending
      ? withEmail(t('account.confirm.leadPending'), pending.email)
      : t('account.confirm.lead')),
    h('div', { class: 'card' }, form,
      h('p', { class: 'aside' }, t('account.confirm.didntGet'), ' ', resend)),
    h('p', { class: 'aside' }, h('a', { href: app.href(''), 'data-route': '' }, t('account.confirm.back'))));
}

async function signInAfterConfirming(app) {
  const pending = app.pendingSignUp;
  const confirmed = { kind: 'info', text: t('account.confirm.confirmed') };
  if (!pending) {
    app.navigate('', { flash: confirmed });
    return;
  }
  try {
    await app.identity.signIn(pending.email, pending.password);
    await finishSignIn(app);
  } catch (caught) {
    app.pendingSignUp = null;
    app.navigate('', { flash: { kind: 'info', text: t('account.confirm.confirmedContinue') } });
  }
}

/** A sentence with `{email}` in it, the address in bold (as nodes: no markup from text). */
function withEmail(template, email) {
  const [before, after = ''] = template.split('{email}');
  return [before, h('strong', {}, email), after];
}
