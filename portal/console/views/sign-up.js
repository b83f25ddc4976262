// A new clinic signs up: its name and address (slug), data region, and its first admin. The
// admin gets a temporary password by e-mail and chooses their own at first sign-in.

import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { EMAIL, field, messageBox, submitButton } from '/shared/forms.js';
import { normaliseEmail } from '/shared/identity.js';
import { selectField } from '../console-forms.js';
import { showProblem } from './common.js';

const REGIONS = [
  ['eu-west-2', 'Europe (London)'], ['eu-west-1', 'Europe (Ireland)'], ['eu-central-1', 'Europe (Frankfurt)'],
  ['us-east-1', 'United States (N. Virginia)'], ['us-west-2', 'United States (Oregon)'],
  ['ca-central-1', 'Canada (Central)'], ['ap-southeast-2', 'Australia (Sydney)'],
];
const SLUG = /^[a-z][a-z0-9-]{2,39}$/;

export function signUpView(app) {
  app.setPage('Sign up your clinic');
  const message = messageBox();
  const displayName = field({ label: 'Clinic name', name: 'displayName', required: true, maxlength: 80,
    autocomplete: 'organization' });
  const slug = field({ label: 'Web address for patients', name: 'slug', required: true, maxlength: 40,
    autocapitalize: 'none', spellcheck: 'false',
    hint: 'Your patient portal will be at /c/ followed by this: 3 to 40 lowercase letters, digits and dashes, starting with a letter.' });
  const region = selectField({ label: 'Where your data is stored', name: 'region', options: REGIONS,
    hint: 'Patients’ records stay in this region. It cannot be changed later.' });
  const adminName = field({ label: 'Your name', name: 'adminName', required: true, maxlength: 80, autocomplete: 'name' });
  const adminEmail = field({ label: 'Your work email', name: 'adminEmail', type: 'email', required: true,
    autocomplete: 'email', autocapitalize: 'none', spellcheck: 'false',
    hint: 'You’ll be the clinic’s first admin. We’ll email you a temporary password.' });
  const termsId = 'accept-terms';
  const terms = h('input', { type: 'checkbox', id: termsId, name: 'acceptedTerms' });
  const termsError = h('p', { class: 'field-error', id: `${termsId}-error`, hidden: true });
  const termsField = h('div', { class: 'field field--check' }, termsError,
    h('div', { class: 'check-row' }, terms,
      h('label', { for: termsId }, 'I accept the DermRelay terms of service and data processing agreement on behalf of the clinic.')));

  let suggested = true;
  displayName.input.addEventListener('input', () => {
    if (suggested) slug.input.value = suggestSlug(displayName.input.value);
  });
  slug.input.addEventListener('input', () => { suggested = slug.input.value === ''; });

  // One key per filled-in form: a retry after a lost answer resumes the same sign-up.
  const idempotencyKey = crypto.randomUUID();
  const submit = submitButton('Sign up', 'Setting up your clinic…');
  const form = h('form', { class: 'form', novalidate: true, id: 'sign-up-form' },
    message.root, displayName.root, slug.root, region.root, adminName.root, adminEmail.root, termsField,
    h('div', { class: 'actions' }, submit.button));
  const fields = { '/displayName': displayName, '/slug': slug, '/region': region, '/adminName': adminName, '/adminEmail': adminEmail };

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
    if (body.displayName.length < 2) problems.push([displayName, 'Enter the clinic’s name: at least 2 characters.']);
    if (!SLUG.test(body.slug)) problems.push([slug, 'Use 3 to 40 lowercase letters, digits and dashes, starting with a letter.']);
    if (body.adminName.length < 2) problems.push([adminName, 'Enter your name.']);
    if (!EMAIL.test(body.adminEmail)) problems.push([adminEmail, 'Enter an email address, like you@clinic.example.']);
    for (const [f, text] of problems) f.setError(text);
    if (!body.acceptedTerms) setTermsError('Please accept the terms to sign up.');
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
          `${body.displayName} is set up. We’ve emailed a temporary password to ${app.signInEmail}: sign in with it below to choose your own.` } });
      } catch (caught) {
        if (caught?.status === 409) {
          slug.setError('This web address is taken. Please choose another.');
          slug.input.focus();
          return;
        }
        if (caught?.status === 429) {
          message.error('Too many sign-ups from here in the last hour. Please try again later.');
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
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Sign up your clinic'),
    h('p', { class: 'lead' }, 'Offer online skin consultations under your own name. Setting up takes two minutes; you can change the look and settings afterwards.'),
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside' }, 'Already signed up? ', h('a', { href: '#', id: 'sign-in-link' }, 'Sign in')));
}

function suggestSlug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 40);
}
