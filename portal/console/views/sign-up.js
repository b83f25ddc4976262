// A new clinic signs up: its name and address (slug), data region, and its first admin. The
// admin gets a temporary password by e-mail and chooses their own at first sign-in.

import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { normaliseEmail } from '/shared/identity.js';
import { selectField } from '../console-forms.js';
import { t } from '/shared/i18n.js';
import { showProblem } from './common.js';

const REGIONS = ['eu-west-2', 'eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ca-central-1', 'ap-southeast-2'];
const SLUG = /^[a-z][a-z0-9-]{2,39}$/;

export function signUpView(app) {
  app.setPage(t('signUp.title'));
  const message = messageBox();
  const displayName = field({ label: t('signUp.clinicName'), name: 'displayName', required: true, maxlength: 80,
    autocomplete: 'organization' });
  const slug = field({ label: t('signUp.slug'), name: 'slug', required: true, maxlength: 40,
    autocapitalize: 'none', spellcheck: 'false',
    hint: t('signUp.slugHint') });
  const region = selectField({ label: t('signUp.region'), name: 'region',
    options: REGIONS.map((id) => [id, t(`region.${id}`)]), hint: t('signUp.regionHint') });
  const adminName = field({ label: t('signUp.adminName'), name: 'adminName', required: true, maxlength: 80, autocomplete: 'name' });
  const adminEmail = field({ label: t('signUp.adminEmail'), name: 'adminEmail', type: 'email', required: true,
    autocomplete: 'email', autocapitalize: 'none', spellcheck: 'false',
    hint: t('signUp.adminEmailHint') });
  const termsId = 'accept-terms';
  const terms = h('input', { type: 'checkbox', id: termsId, name: 'acceptedTerms' });
  const termsError = h('p', { class: 'field-error', id: `${termsId}-error`, hidden: true });
  const termsField = h('div', { class: 'field field--check' }, termsError,
    h('div', { class: 'check-row' }, terms,
      h('label', { for: termsId }, t('signUp.terms'))));

  let suggested = true;
  displayName.input.addEventListener('input', () => {
    if (suggested) slug.input.value = suggestSlug(displayName.input.value);
  });
  slug.input.addEventListener('input', () => { suggested = slug.input.value === ''; });

  // One key per filled-in form: a retry after a lost answer resumes the same sign-up.
  const idempotencyKey = crypto.randomUUID();
  const submit = submitButton(t('signUp.submit'), t('signUp.busy'));
  const form = h('form', { class: 'form', novalidate: true, id: 'sign-up-form' },
    message.root, displayName.root, slug.root, region.root, adminName.root, adminEmail.root, termsField,
    h('div', { class: 'actions' }, submit.button));
  const fields = { '/displayName': displayName, '/slug': slug, '/region': region, '/adminName': adminName, '/adminEmail': adminEmail };
  // The API refuses a name with a line break, a control or an invisible formatting character.
  displayName.explain = t('form.nameCharacters');
  adminName.explain = t('form.nameCharacters');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const f of Object.values(fields)) f.setError(null);
    setTermsError(null);
    const body = {
      displayName: displayName.input.value.trim(), slug: slug.input.value.trim(), region: region.input.value,
      adminName: adminName.input.value.trim(), adminEmail: normaliseEmail(adminEmail.input.value),
      acceptedTerms: terms.checked,
    };
    const problems = [];
    if (body.displayName.length < 2) problems.push([displayName, t('signUp.nameMissing')]);
    if (!SLUG.test(body.slug)) problems.push([slug, t('signUp.slugInvalid')]);
    if (body.adminName.length < 2) problems.push([adminName, t('signUp.adminNameMissing')]);
    if (!EMAIL.test(body.adminEmail)) problems.push([adminEmail, t('signUp.emailInvalid')]);
    for (const [f, text] of problems) f.setError(text);
    if (!body.acceptedTerms) setTermsError(t('signUp.termsMissing'));
    if (problems.length || !body.acceptedTerms) {
      (problems[0]?.[0].input ?? terms).focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        const created = await api('/public/clinic-sign-ups', {
          method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey },
        });
        app.signInEmail = created.adminEmail ?? body.adminEmail;
        app.go('', { flash: { kind: 'info', text:
          t('signUp.done', { clinic: body.displayName, email: app.signInEmail }) } });
      } catch (caught) {
        if (caught?.status === 409) {
          slug.setError(t('signUp.slugTaken'));
          slug.input.focus();
          return;
        }
        if (caught?.status === 429) {
          message.error(t('signUp.tooMany'));
          message.root.focus();
          return;
        }
        showProblem(caught, { message, fields });
      }
    });
  });

  function setTermsError(text) {
    termsError.textContent = text ?? '';
    termsError.hidden = !text;
    if (text) {
      terms.setAttribute('aria-invalid', 'true');
      terms.setAttribute('aria-describedby', termsError.id);
    } else {
      terms.removeAttribute('aria-invalid');
      terms.removeAttribute('aria-describedby');
    }
  }

  return h('section', { 'aria-labelledby': 'page-title', class: 'console-narrow' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('signUp.title')),
    h('p', { class: 'lead' }, t('signUp.lead')),
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside' }, t('signUp.already'), ' ', h('a', { href: '#', id: 'sign-in-link' }, t('signIn.submit'))));
}

function suggestSlug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 40);
}
