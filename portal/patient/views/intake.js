// The intake wizard after the emergency screen: one short page per topic. Each "Continue" saves
// the whole questionnaire to the draft (updateCase on the version read), so a patient can stop on
// any page and carry on later, on any device. The API's field errors land on the question named.

import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { bodyMap } from '../body-map.js';
import { choiceGroup, loading, showFieldErrors, stepHeader, textArea, yesNo } from '../widgets.js';

export const INTAKE_STEPS = ['body-site', 'about', 'symptoms', 'health', 'medicines', 'profile', 'consent'];
/** Steps shown in the header: the intake pages plus the photos. */
const TOTAL_STEPS = INTAKE_STEPS.length + 1;
const DURATION_UNITS = [['years', 365], ['months', 30], ['weeks', 7], ['days', 1]];

/** Where a draft should carry on: the first page with something unanswered, else the photos. */
export function firstStepOf(aCase) {
  const a = aCase.intake ?? {};
  const has = (...values) => values.every((v) => v !== undefined && v !== null);
  if (!a.bodySites?.length) return 'body-site';
  if (!has(a.onset, a.durationDays, a.lesionCount) || !a.ownWords) return 'about';
  const s = a.symptoms ?? {};
  const c = a.changes ?? {};
  if (!has(s.itch, s.pain, s.bleeding, s.oozingOrCrusting, s.sensationChange, c.size, c.shape, c.colour)) return 'symptoms';
  if (!has(a.personalSkinCancerHistory, a.familySkinCancerHistory, a.immunosuppressed, a.pregnancy)) return 'health';
  if (!has(a.medicines, a.allergies, a.treatmentsTried)) return 'medicines';
  if (!aCase.consent) return 'consent';
  return 'photos';
}

/** Reads the draft (kept in memory between pages), or null after showing why it cannot. */
export async function loadDraft(app, caseId, section) {
  let aCase = app.cases.get(caseId);
  if (!aCase) {
    try {
      aCase = await caseApi(app).getCase(caseId);
      app.cases.set(caseId, aCase);
    } catch (error) {
      if (error.kind === 'session-expired') return null;
      replace(section, h('h1', { id: 'page-title', tabindex: '-1' }, t('case.unavailableTitle')),
        h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, error.message ?? t('errors.unexpected'))),
        h('p', {}, h('a', { href: app.href('home'), 'data-route': 'home' }, t('nav.backHome'))));
      return null;
    }
  }
  if (aCase.status !== 'DRAFT') {
    app.navigate(`cases/${caseId}`, { replace: true });
    return null;
  }
  return aCase;
}

export function intakeStepView(app, flash, caseId, step) {
  const section = h('section', { 'aria-labelledby': 'page-title', id: `intake-${step}`, class: 'wizard' }, loading());
  loadDraft(app, caseId, section).then((aCase) => {
    if (!aCase || !section.isConnected) return;
    const build = STEP_PAGES[step];
    build(app, section, aCase);
    app.lastIntakeStep = step;
    section.querySelector('h1')?.focus({ preventScroll: true });
  });
  return section;
}

/**
 * The shell every page shares: header, form, Back and Continue; `save` returns the changes for
 * updateCase or null when the page's own checks failed.
 */
function wizardPage(app, section, aCase, step, { title, lead, fields, collect, pointers, persist }) {
  const number = INTAKE_STEPS.indexOf(step) + 1;
  app.setPage(title);
  const message = messageBox();
  const submit = submitButton(t('common.saveContinue'), t('common.saving'));
  const previous = INTAKE_STEPS[number - 2];
  const form = h('form', { class: 'form', novalidate: true, id: `${step}-form` },
    message.root, fields,
    h('div', { class: 'actions' }, submit.button,
      previous
        ? h('a', { class: 'button button--secondary', href: app.href(`cases/${aCase.caseId}/${previous}`), 'data-route': `cases/${aCase.caseId}/${previous}` }, t('common.back'))
        : null));
  replace(section, stepHeader(number, TOTAL_STEPS, title), lead ? h('p', { class: 'lead' }, lead) : null,
    h('div', { class: 'card' }, form),
    h('p', { class: 'aside save-note' }, t('wizard.savedAsYouGo')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const changes = collect();
    if (!changes) return;
    await submit.busyWhile(async () => {
      try {
        await (persist ?? ((c) => save(app, aCase.caseId, c)))(changes);
        app.navigate(`cases/${aCase.caseId}/${INTAKE_STEPS[number] ?? 'photos'}`);
      } catch (error) {
        if (error.kind === 'session-expired') return;
        const unowned = showFieldErrors(error.errors ?? [], pointers);
        if (!error.errors?.length || unowned.length) {
          message.error(error.kind === 'network' ? t('errors.offlineNotSaved') : (error.message ?? t('errors.unexpected')));
          message.root.focus();
        }
      }
    });
  });
}

/**
 * Saves `changes` ({intake?: partial answers, consentVersion?}) on the version read; when the
 * draft moved meanwhile (another tab), reads it again and applies the same changes once more.
 */
async function save(app, caseId, changes) {
  const calls = caseApi(app);
  for (let attempt = 0; ; attempt++) {
    const current = app.cases.get(caseId);
    const body = { version: current.version };
    if (changes.intake) body.intake = { ...(current.intake ?? {}), ...changes.intake };
    if (changes.consentVersion) body.consentVersion = changes.consentVersion;
    try {
      const saved = await calls.updateCase(caseId, body);
      app.cases.set(caseId, saved);
      return saved;
    } catch (error) {
      if (error.status !== 409 || attempt > 0) throw error;
      app.cases.set(caseId, await calls.getCase(caseId));
      if (app.cases.get(caseId).status !== 'DRAFT') throw error;
    }
  }
}

/** Checks that each required question on the page has an answer; marks the ones that do not. */
function requireAnswers(entries) {
  let first = null;
  for (const [widget, required] of entries) {
    widget.setError(null);
    if (required && (widget.value() === null || widget.value() === '')) {
      widget.setError(t('errors.answerThis'));
      first = first ?? widget;
    }
  }
  first?.focus();
  return first === null;
}

const STEP_PAGES = {
  'body-site'(app, section, aCase) {
    const map = bodyMap({ sites: aCase.intake?.bodySites ?? [] });
    wizardPage(app, section, aCase, 'body-site', {
      title: t('intake.bodySite.title'),
      fields: [map.root],
      pointers: { '/intake/bodySites': map },
      collect() {
        const sites = map.sites();
        map.setError(null);
        if (!sites.length) {
          map.setError(t('intake.bodySite.required'));
          map.focus();
          return null;
        }
        return { intake: { bodySites: sites } };
      },
    });
  },

  about(app, section, aCase) {
    const a = aCase.intake ?? {};
    const onset = choiceGroup({ name: 'onset', legend: t('intake.onset.legend'), value: a.onset,
      options: ['sudden', 'gradual', 'unsure'].map((v) => ({ value: v, label: t(`intake.onset.${v}`) })) });
    const [amount, unit] = durationParts(a.durationDays);
    const duration = field({ label: t('intake.duration.label'), name: 'durationAmount', type: 'number', inputmode: 'numeric', min: '0', max: '36500', value: amount ?? '', hint: t('intake.duration.hint') });
    const units = choiceGroup({ name: 'durationUnit', legend: t('intake.duration.unitLegend'), value: unit, columns: true,
      options: DURATION_UNITS.map(([u]) => ({ value: u, label: t(`intake.duration.${u}`) })).reverse() });
    const durationWidget = { setError: duration.setError, focus: () => duration.input.focus(), value: () => durationDays(duration.input.value, units.value()) };
    const count = choiceGroup({ name: 'lesionCount', legend: t('intake.count.legend'), value: a.lesionCount,
      options: ['one', 'two-to-five', 'more-than-five'].map((v) => ({ value: v, label: t(`intake.count.${v}`) })) });
    const diameter = field({ label: t('intake.diameter.label'), name: 'diameterMm', type: 'number', inputmode: 'numeric', min: '0', max: '500', value: a.diameterMm ?? '', hint: t('intake.diameter.hint') });
    const diameterWidget = { setError: diameter.setError, focus: () => diameter.input.focus() };
    const ownWords = textArea({ name: 'ownWords', label: t('intake.ownWords.label'), hint: t('intake.ownWords.hint'), value: a.ownWords, maxlength: 4000, rows: 5 });
    wizardPage(app, section, aCase, 'about', {
      title: t('intake.about.title'),
      fields: [onset.root, duration.root, units.root, count.root, diameter.root, ownWords.root],
      pointers: { '/intake/onset': onset, '/intake/durationDays': durationWidget, '/intake/lesionCount': count, '/intake/diameterMm': diameterWidget, '/intake/ownWords': ownWords },
      collect() {
        if (!requireAnswers([[onset, true], [durationWidget, true], [count, true], [ownWords, true]])) return null;
        const mm = diameter.input.value.trim();
        diameter.setError(null);
        if (mm && !/^\d{1,3}$/.test(mm)) {
          diameter.setError(t('intake.diameter.invalid'));
          diameter.input.focus();
          return null;
        }
        return { intake: { onset: onset.value(), durationDays: durationWidget.value(), lesionCount: count.value(),
          diameterMm: mm ? Number(mm) : null, ownWords: ownWords.value() } };
      },
    });
  },

  symptoms(app, section, aCase) {
    const s = aCase.intake?.symptoms ?? {};
    const c = aCase.intake?.changes ?? {};
    const symptoms = ['itch', 'pain', 'bleeding', 'oozingOrCrusting', 'sensationChange']
      .map((name) => [name, yesNo({ name, legend: t(`intake.symptoms.${name}`), value: s[name] })]);
    const changes = ['size', 'shape', 'colour']
      .map((name) => [name, yesNo({ name: `change-${name}`, legend: t(`intake.changes.${name}`), value: c[name] })]);
    wizardPage(app, section, aCase, 'symptoms', {
      title: t('intake.symptoms.title'),
      fields: [h('h2', {}, t('intake.symptoms.heading')), symptoms.map(([, q]) => q.root),
        h('h2', {}, t('intake.changes.heading')), changes.map(([, q]) => q.root)],
      pointers: Object.fromEntries([...symptoms.map(([n, q]) => [`/intake/symptoms/${n}`, q]), ...changes.map(([n, q]) => [`/intake/changes/${n}`, q])]),
      collect() {
        if (!requireAnswers([...symptoms, ...changes].map(([, q]) => [q, true]))) return null;
        return { intake: {
          symptoms: Object.fromEntries(symptoms.map(([n, q]) => [n, q.value()])),
          changes: Object.fromEntries(changes.map(([n, q]) => [n, q.value()])) } };
      },
    });
  },

  health(app, section, aCase) {
    const a = aCase.intake ?? {};
    const personal = yesNo({ name: 'personalSkinCancerHistory', legend: t('intake.health.personal'), value: a.personalSkinCancerHistory });
    const family = yesNo({ name: 'familySkinCancerHistory', legend: t('intake.health.family'), value: a.familySkinCancerHistory });
    const immuno = yesNo({ name: 'immunosuppressed', legend: t('intake.health.immuno'), hint: t('intake.health.immunoHint'), value: a.immunosuppressed });
    const pregnancy = choiceGroup({ name: 'pregnancy', legend: t('intake.health.pregnancy'), value: a.pregnancy,
      options: ['no', 'yes', 'unsure', 'not-applicable'].map((v) => ({ value: v, label: t(`intake.pregnancy.${v}`) })) });
    const skin = choiceGroup({ name: 'fitzpatrickType', legend: t('intake.skin.legend'), hint: t('intake.skin.hint'), value: a.fitzpatrickType,
      options: [1, 2, 3, 4, 5, 6].map((v) => ({ value: String(v), label: t(`intake.skin.${v}`) })) });
    wizardPage(app, section, aCase, 'health', {
      title: t('intake.health.title'),
      fields: [personal.root, family.root, immuno.root, pregnancy.root, skin.root],
      pointers: { '/intake/personalSkinCancerHistory': personal, '/intake/familySkinCancerHistory': family,
        '/intake/immunosuppressed': immuno, '/intake/pregnancy': pregnancy, '/intake/fitzpatrickType': skin },
      collect() {
        if (!requireAnswers([[personal, true], [family, true], [immuno, true], [pregnancy, true]])) return null;
        return { intake: { personalSkinCancerHistory: personal.value(), familySkinCancerHistory: family.value(),
          immunosuppressed: immuno.value(), pregnancy: pregnancy.value(),
          fitzpatrickType: skin.value() ? Number(skin.value()) : null } };
      },
    });
  },

  medicines(app, section, aCase) {
    const a = aCase.intake ?? {};
    const parts = ['medicines', 'allergies', 'treatmentsTried'].map((name) => {
      const known = typeof a[name] === 'string';
      const any = yesNo({ name: `has-${name}`, legend: t(`intake.${name}.question`), value: known ? a[name] !== '' : undefined });
      const details = textArea({ name, label: t(`intake.${name}.details`), hint: t(`intake.${name}.hint`), value: a[name], maxlength: 2000, rows: 3 });
      const toggle = () => { details.root.hidden = any.value() !== true; };
      any.root.addEventListener('change', toggle);
      toggle();
      return { name, any, details };
    });
    wizardPage(app, section, aCase, 'medicines', {
      title: t('intake.medicines.title'),
      fields: parts.map((p) => [p.any.root, p.details.root]),
      pointers: Object.fromEntries(parts.map((p) => [`/intake/${p.name}`, p.any])),
      collect() {
        if (!requireAnswers(parts.map((p) => [p.any, true]))) return null;
        const missing = parts.find((p) => p.any.value() && !p.details.value());
        parts.forEach((p) => p.details.setError(null));
        if (missing) {
          missing.details.setError(t('intake.medicines.detailsNeeded'));
          missing.details.focus();
          return null;
        }
        return { intake: Object.fromEntries(parts.map((p) => [p.name, p.any.value() ? p.details.value() : ''])) };
      },
    });
  },

  profile(app, section, aCase) {
    profilePage(app, section, aCase);
  },

  consent(app, section, aCase) {
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
  },
};

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
async function profilePage(app, section, aCase) {
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

/** [amount, unit] that write `days` most naturally (90 -> [3, 'months']). */
function durationParts(days) {
  if (days === null || days === undefined) return [null, 'days'];
  if (days === 0) return [0, 'days'];
  const [unit, size] = DURATION_UNITS.find(([, s]) => days % s === 0);
  return [days / size, unit];
}

function durationDays(amount, unit) {
  const text = String(amount ?? '').trim();
  if (!/^\d{1,5}$/.test(text) || !unit) return null;
  const days = Number(text) * DURATION_UNITS.find(([u]) => u === unit)[1];
  return days <= 36500 ? days : null;
}
