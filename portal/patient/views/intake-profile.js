// The last pages before the photos: the patient's date of birth and sex (asked once, kept in the
// patient's profile, not the case), and the clinic's consent.

import { h } from '/shared/dom.js';
import { field } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { choiceGroup } from '../widgets.js';
import { requireAnswers, wizardPage } from './intake-wizard.js';

export function consentPage(app, section, aCase) {
  const consent = app.clinic.consent ?? {};
  const accepted = aCase.consent?.version === consent.version;
  const checkbox = h('input', { type: 'checkbox', id: 'consent-accept', name: 'consent', checked: accepted });
  const error = h('p', { class: 'field-error', id: 'consent-error', hidden: true });
  const widget = {
    setError(message) { error.hidden = !message; error.textContent = message ?? ''; checkbox.setAttribute('aria-invalid', String(Boolean(message))); },
    focus: () => checkbox.focus(),
  };
  wizardPage(app, section, aCase, 'consent', {
    title: t('intake.consent.title'),
    lead: t('intake.consent.lead', { clinic: app.clinic.displayName }),
    fields: [h('div', { class: 'consent-text', id: 'consent-text', tabindex: '0', role: 'region', 'aria-label': t('intake.consent.textLabel') },
      h('p', {}, consent.text ?? ''), h('p', { class: 'hint' }, t('intake.consent.version', { version: consent.version ?? '' }))),
      h('div', { class: 'field' }, error, h('label', { class: 'choice choice--check', for: 'consent-accept' }, checkbox, h('span', {}, t('intake.consent.accept'))))],
    pointers: { '/consentVersion': widget, '/consent': widget },
    collect() {
      widget.setError(null);
      if (!checkbox.checked) {
        widget.setError(t('intake.consent.required'));
        widget.focus();
        return null;
      }
      return { consentVersion: consent.version };
    },
  });
}

/**
 * 9 March 1984 written as this browser's date field shows a date. The field follows the browser's
 * own locale, not the page's language (an en-US browser shows mm/dd/yyyy on a Spanish page), so
 * the example is formatted for navigator.language. A browser without a date field shows a text
 * box that takes the ISO form.
 */
function dateExample() {
  const probe = document.createElement('input');
  probe.setAttribute('type', 'date');
  if (probe.type !== 'date') return '1984-03-09';
  return new Intl.DateTimeFormat(navigator.language, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(1984, 2, 9));
}

/**
 * Date of birth and sex, asked once per patient when the clinic does not have them. Skipped when
 * the profile exists, or when the profile operation is not deployed (it comes with another issue).
 */
export async function profilePage(app, section, aCase) {
  const calls = caseApi(app);
  const skip = () => app.navigate(`cases/${aCase.caseId}/${app.lastIntakeStep === 'consent' ? 'medicines' : 'consent'}`, { replace: true });
  if (app.profileState === 'complete' || app.profileState === 'unavailable') {
    skip();
    return;
  }
  try {
    const profile = await calls.getProfile();
    if (profile?.dateOfBirth && profile?.sex) {
      app.profileState = 'complete';
      skip();
      return;
    }
  } catch (error) {
    if (isMissingRoute(error) || error.status !== 404) {
      // Not deployed, or not answering: the intake does not need it to go on.
      if (isMissingRoute(error)) app.profileState = 'unavailable';
      skip();
      return;
    }
  }
  if (!section.isConnected) return;
  const dob = field({ label: t('intake.profile.dob'), name: 'dateOfBirth', type: 'date', autocomplete: 'bday', hint: t('intake.profile.dobHint', { date: dateExample() }), max: new Date().toISOString().slice(0, 10) });
  const dobWidget = { setError: dob.setError, focus: () => dob.input.focus(), value: () => dob.input.value || null };
  const sex = choiceGroup({ name: 'sex', legend: t('intake.profile.sex'), hint: t('intake.profile.sexHint'),
    options: ['female', 'male', 'other', 'unknown'].map((v) => ({ value: v, label: t(`intake.profile.sex.${v}`) })) });
  wizardPage(app, section, aCase, 'profile', {
    title: t('intake.profile.title'),
    lead: t('intake.profile.lead'),
    fields: [dob.root, sex.root],
    pointers: { '/dateOfBirth': dobWidget, '/sex': sex },
    collect: () => (requireAnswers([[dobWidget, true], [sex, true]]) ? { dateOfBirth: dobWidget.value(), sex: sex.value() } : null),
    // The profile is the patient's, not the case's: it has its own operation.
    async persist(profile) {
      try {
        await calls.saveProfile(profile);
        app.profileState = 'complete';
      } catch (error) {
        if (!isMissingRoute(error)) throw error;
        app.profileState = 'unavailable';
      }
    },
  });
}
