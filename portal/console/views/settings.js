// Service settings: whether the clinic takes new patients, answer times per priority, triage
// caution, record keeping, languages and the consent patients agree to. Everything tenant.schema.json allows except branding (its own
// section) and the fixed identity of the clinic (id, slug, data region).

import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { numberField, textArea } from '../console-forms.js';
import { TEXT } from '../text.js';
import { conflict } from './branding.js';
import { editorState, loadSettings, saveSettings, sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

const SECTION = 'settings';
const LEAD = 'How fast your clinic answers, how cautious triage is, how long records are kept, and what patients consent to.';

export function settingsView(app, flash) {
  app.setPage('Service settings');
  const root = h('section', { 'aria-labelledby': 'page-title', id: 'settings' },
    sectionHeader('Service settings', LEAD), loadingSection());
  loadSettings(app)
    .then((settings) => replace(root, sectionHeader('Service settings', LEAD), editor(app, settings, flash)))
    .catch((error) => replace(root, loadFailed(app, error, () => app.go(SECTION))));
  return root;
}

const NUMBERS = [
  ['urgent', '/config/slaHours/URGENT', { label: 'Urgent cases', min: 1, max: 72, hint: 'Hours from submission to answer: 1 to 72.' }],
  ['soon', '/config/slaHours/SOON', { label: 'Soon cases', min: 1, max: 168, hint: 'Hours: 1 to 168 (a week).' }],
  ['routine', '/config/slaHours/ROUTINE', { label: 'Routine cases', min: 1, max: 720, hint: 'Hours: 1 to 720 (30 days).' }],
  ['sevenPoint', '/config/triage/sevenPointUrgentScore', { label: '7-point score that makes a case urgent', min: 1, max: 3,
    hint: 'Built in: 3. A lower score escalates more cases; it can never escalate fewer. Leave empty for the built-in rule.' }],
  ['urgentAge', '/config/triage/urgentAgeYears', { label: 'Age from which a changing spot is seen sooner', min: 18, max: 50,
    hint: 'Built in: 50. 18 to 50; leave empty for the built-in rule.' }],
  ['retention', '/config/retentionYears', { label: 'Years records are kept', min: 6, max: 30,
    hint: 'At least 6 years for medical records and the audit log; at most 30.' }],
];

function editor(app, settings, flash) {
  let { version, config } = settings;
  const message = messageBox();
  showFlash(message, flash);
  const fields = {};
  const byPointer = {};
  for (const [name, pointer, options] of NUMBERS) {
    fields[name] = numberField({ name, ...options });
    fields[name].explain = `Enter a whole number from ${options.min} to ${options.max}.`;
    byPointer[pointer] = fields[name];
  }
  fields.languages = field({ label: 'Languages', name: 'languages', required: true,
    hint: 'Language codes, the first one the default, separated by commas: for example en, es.' });
  fields.languages.explain = 'Enter language codes such as en or es-MX, separated by commas, each once.';
  byPointer['/config/languages'] = fields.languages;
  fields.consentVersion = field({ label: 'Consent version', name: 'consentVersion', required: true,
    hint: 'The date the text took effect, like 2025-01-31, optionally with .2 for a second change that day.' });
  fields.consentVersion.explain = 'Enter a date like 2025-01-31, optionally followed by . and a number.';
  byPointer['/config/consent/version'] = fields.consentVersion;
  fields.consentText = textArea({ label: 'Consent text', name: 'consentText', rows: 8, required: true,
    hint: 'What patients agree to before they send a case: 50 to 20,000 characters. Change the version when you change it.' });
  fields.consentText.explain = 'The consent text must be 50 to 20,000 characters long.';
  byPointer['/config/consent/text'] = fields.consentText;
  for (let i = 0; i < 10; i++) byPointer[`/config/languages/${i}`] = fields.languages;

  const acceptingId = 'accepting-new-patients';
  const accepting = h('input', { type: 'checkbox', id: acceptingId, name: 'acceptingNewPatients',
    'aria-describedby': `${acceptingId}-hint` });
  const acceptingField = h('div', { class: 'field field--check' },
    h('div', { class: 'check-row' }, accepting,
      h('label', { for: acceptingId }, 'Take new patients and new cases')),
    h('p', { class: 'hint', id: `${acceptingId}-hint` },
      'When this is off, nobody can create a new patient account in your portal, and your existing '
      + 'patients cannot start a new case: the portal tells them to contact you at the support email '
      + 'or phone in Branding. Cases already sent carry on as usual (answers, questions, follow-ups).'));

  const state = editorState(app, SECTION, settings);
  const initial = state.values ?? valuesOf(config);
  fill(fields, initial);
  accepting.checked = initial.accepting !== false;
  const values = () => ({ ...read(fields), accepting: accepting.checked });
  if (state.restored) message.info(TEXT.draftRestored);

  const submit = submitButton(TEXT.save, TEXT.saving);
  const form = h('form', { class: 'form', novalidate: true, id: 'settings-form' },
    message.root,
    h('fieldset', {}, h('legend', {}, 'New patients'), acceptingField),
    h('fieldset', {}, h('legend', {}, 'Answer times (service level)'),
      h('div', { class: 'field-row' }, fields.urgent.root, fields.soon.root, fields.routine.root)),
    h('fieldset', {}, h('legend', {}, 'Triage'), fields.sevenPoint.root, fields.urgentAge.root),
    h('fieldset', {}, h('legend', {}, 'Records and languages'),
      h('p', { class: 'hint' }, `Data region: ${config.region} (fixed when the clinic signed up).`),
      fields.retention.root, fields.languages.root),
    h('fieldset', {}, h('legend', {}, 'Patient consent'), fields.consentVersion.root, fields.consentText.root),
    h('div', { class: 'actions actions--inline' }, submit.button));
  form.addEventListener('input', () => { app.drafts[SECTION] = { version, values: values() }; });
  form.addEventListener('change', () => { app.drafts[SECTION] = { version, values: values() }; });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const f of Object.values(fields)) f.setError(null);
    const next = apply(structuredClone(config), values());
    await submit.busyWhile(async () => {
      try {
        ({ version, config } = await saveSettings(app, version, next));
        delete app.drafts[SECTION];
        message.info(TEXT.saved);
        message.root.focus();
      } catch (caught) {
        showProblem(caught, { message, fields: byPointer, onConflict: () => conflict(app, message) });
      }
    });
  });
  return form;
}

function valuesOf(config) {
  return {
    urgent: config.slaHours?.URGENT, soon: config.slaHours?.SOON, routine: config.slaHours?.ROUTINE,
    sevenPoint: config.triage?.sevenPointUrgentScore, urgentAge: config.triage?.urgentAgeYears,
    retention: config.retentionYears, languages: (config.languages ?? []).join(', '),
    consentVersion: config.consent?.version, consentText: config.consent?.text,
    accepting: config.acceptingNewPatients !== false,
  };
}

function fill(fields, values) {
  for (const [name, f] of Object.entries(fields)) f.input.value = values[name] ?? '';
}

function read(fields) {
  const values = {};
  for (const [name, f] of Object.entries(fields)) values[name] = f.input.value.trim();
  return values;
}

/** The form's values onto the configuration; a number that is not one is sent as typed so the API names the field. */
function apply(config, v) {
  const number = (text) => (/^-?\d+$/.test(text) ? Number(text) : text);
  config.slaHours = { URGENT: number(v.urgent), SOON: number(v.soon), ROUTINE: number(v.routine) };
  const triage = {};
  if (v.sevenPoint !== '') triage.sevenPointUrgentScore = number(v.sevenPoint);
  if (v.urgentAge !== '') triage.urgentAgeYears = number(v.urgentAge);
  if (Object.keys(triage).length) config.triage = triage;
  else delete config.triage;
  config.retentionYears = number(v.retention);
  config.languages = v.languages.split(',').map((l) => l.trim()).filter(Boolean);
  config.consent = { version: v.consentVersion, text: v.consentText };
  config.acceptingNewPatients = v.accepting !== false;
  return config;
}
