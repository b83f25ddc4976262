// Service settings: whether the clinic takes new patients, answer times per priority, triage
// caution, second reads, record keeping, languages and the consent patients agree to. Everything tenant.schema.json allows except branding (its own
// section) and the fixed identity of the clinic (id, slug, data region).

import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { numberField, selectField, textArea } from '../console-forms.js';
import { t } from '/shared/i18n.js';
import { TEXT } from '../text.js';
import { conflict } from './branding.js';
import { editorState, loadSettings, saveSettings, sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

const SECTION = 'settings';

export function settingsView(app, flash) {
  app.setPage(t('nav.settings'));
  const root = h('section', { 'aria-labelledby': 'page-title', id: 'settings' },
    sectionHeader(t('nav.settings'), t('settings.lead')), loadingSection());
  loadSettings(app)
    .then((settings) => replace(root, sectionHeader(t('nav.settings'), t('settings.lead')), editor(app, settings, flash)))
    .catch((error) => replace(root, loadFailed(app, error, () => app.go(SECTION))));
  return root;
}

/** What happens to a case whose answers describe an emergency; the first is the built-in rule. */
const RED_FLAG_CHOICES = ['seek-emergency-care', 'queue-urgent'];

const NUMBERS = [
  ['urgent', '/config/slaHours/URGENT', { min: 1, max: 72 }],
  ['soon', '/config/slaHours/SOON', { min: 1, max: 168 }],
  ['routine', '/config/slaHours/ROUTINE', { min: 1, max: 720 }],
  ['sevenPoint', '/config/triage/sevenPointUrgentScore', { min: 1, max: 3 }],
  ['urgentAge', '/config/triage/urgentAgeYears', { min: 18, max: 50 }],
  ['retention', '/config/retentionYears', { min: 6, max: 30 }],
  ['samplePercent', '/config/secondReads/samplePercent', { min: 0, max: 100 }],
];

/** Cases always read twice (tenant.schema.json secondReads.always; docs/quality.md). */
const SECOND_READ_RULES = ['fitzpatrick-v-vi', 'seven-point-3-or-more', 'reader-first-50-cases'];

function editor(app, settings, flash) {
  let { version, config } = settings;
  const message = messageBox();
  showFlash(message, flash);
  const fields = {};
  const byPointer = {};
  for (const [name, pointer, options] of NUMBERS) {
    fields[name] = numberField({ name, ...options, label: t(`settings.${name}`), hint: t(`settings.${name}Hint`) });
    fields[name].explain = t('settings.wholeNumber', { min: options.min, max: options.max });
    byPointer[pointer] = fields[name];
  }
  fields.languages = field({ label: t('settings.languages'), name: 'languages', required: true,
    hint: t('settings.languagesHint') });
  fields.languages.explain = t('settings.languagesInvalid');
  byPointer['/config/languages'] = fields.languages;
  fields.consentVersion = field({ label: t('settings.consentVersion'), name: 'consentVersion', required: true,
    hint: t('settings.consentVersionHint') });
  fields.consentVersion.explain = t('settings.consentVersionInvalid');
  byPointer['/config/consent/version'] = fields.consentVersion;
  fields.consentText = textArea({ label: t('settings.consentText'), name: 'consentText', rows: 8, required: true,
    hint: t('settings.consentTextHint') });
  fields.consentText.explain = t('settings.consentTextInvalid');
  byPointer['/config/consent/text'] = fields.consentText;
  fields.redFlags = selectField({ label: t('settings.redFlags'), name: 'redFlags', hint: t('settings.redFlagsHint'),
    options: RED_FLAG_CHOICES.map((value) => [value, t(`settings.redFlags.${value}`)]) });
  fields.redFlags.explain = t('settings.redFlagsInvalid');
  byPointer['/config/triage/redFlagsAtSubmit'] = fields.redFlags;
  for (let i = 0; i < 10; i++) byPointer[`/config/languages/${i}`] = fields.languages;

  const acceptingId = 'accepting-new-patients';
  const accepting = h('input', { type: 'checkbox', id: acceptingId, name: 'acceptingNewPatients',
    'aria-describedby': `${acceptingId}-hint` });
  const acceptingField = h('div', { class: 'field field--check' },
    h('div', { class: 'check-row' }, accepting,
      h('label', { for: acceptingId }, t('settings.accepting'))),
    h('p', { class: 'hint', id: `${acceptingId}-hint` },
      t('settings.acceptingHint')));
  const dermoscopyId = 'patient-dermoscopy';
  const dermoscopy = h('input', { type: 'checkbox', id: dermoscopyId, name: 'patientDermoscopy',
    'aria-describedby': `${dermoscopyId}-hint` });
  const dermoscopyField = h('div', { class: 'field field--check' },
    h('div', { class: 'check-row' }, dermoscopy,
      h('label', { for: dermoscopyId }, t('settings.patientDermoscopy'))),
    h('p', { class: 'hint', id: `${dermoscopyId}-hint` }, t('settings.patientDermoscopyHint')));

  const rules = Object.fromEntries(SECOND_READ_RULES.map((rule) => [rule,
    h('input', { type: 'checkbox', id: `second-read-${rule}`, name: 'secondReadAlways', value: rule })]));
  const rulesField = h('fieldset', { class: 'field', id: 'second-read-rules' },
    h('legend', {}, t('settings.secondReadAlways')),
    ...SECOND_READ_RULES.map((rule) => h('div', { class: 'check-row' }, rules[rule],
      h('label', { for: `second-read-${rule}` }, t(`settings.secondReadAlways.${rule}`)))));

  const state = editorState(app, SECTION, settings);
  const initial = state.values ?? valuesOf(config);
  fill(fields, initial);
  accepting.checked = initial.accepting !== false;
  dermoscopy.checked = initial.dermoscopy === true;
  for (const rule of SECOND_READ_RULES) rules[rule].checked = (initial.always ?? []).includes(rule);
  const values = () => ({ ...read(fields), accepting: accepting.checked, dermoscopy: dermoscopy.checked,
    always: SECOND_READ_RULES.filter((rule) => rules[rule].checked) });
  if (state.restored) message.info(TEXT.draftRestored);

  const submit = submitButton(TEXT.save, TEXT.saving);
  const form = h('form', { class: 'form', novalidate: true, id: 'settings-form' },
    message.root,
    h('fieldset', {}, h('legend', {}, t('settings.newPatients')), acceptingField, dermoscopyField),
    h('fieldset', {}, h('legend', {}, t('settings.answerTimes')),
      h('div', { class: 'field-row' }, fields.urgent.root, fields.soon.root, fields.routine.root)),
    h('fieldset', {}, h('legend', {}, t('settings.triage')), fields.sevenPoint.root, fields.urgentAge.root,
      fields.redFlags.root),
    h('fieldset', { id: 'second-reads' }, h('legend', {}, t('settings.secondReads')),
      h('p', { class: 'hint' }, t('settings.secondReadsLead')), fields.samplePercent.root, rulesField),
    h('fieldset', {}, h('legend', {}, t('settings.records')),
      h('p', { class: 'hint' }, t('settings.region', { region: config.region })),
      fields.retention.root, fields.languages.root),
    h('fieldset', {}, h('legend', {}, t('settings.consent')), fields.consentVersion.root, fields.consentText.root),
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
    redFlags: config.triage?.redFlagsAtSubmit ?? RED_FLAG_CHOICES[0],
    retention: config.retentionYears, languages: (config.languages ?? []).join(', '),
    consentVersion: config.consent?.version, consentText: config.consent?.text,
    accepting: config.acceptingNewPatients !== false,
    dermoscopy: config.patientDermoscopy === true,
    samplePercent: config.secondReads?.samplePercent, always: config.secondReads?.always ?? [],
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
  // The built-in choice is left out, as the other triage settings are when they keep the built-in rule.
  if (v.redFlags && v.redFlags !== RED_FLAG_CHOICES[0]) triage.redFlagsAtSubmit = v.redFlags;
  if (Object.keys(triage).length) config.triage = triage;
  else delete config.triage;
  config.retentionYears = number(v.retention);
  config.languages = v.languages.split(',').map((l) => l.trim()).filter(Boolean);
  config.consent = { version: v.consentVersion, text: v.consentText };
  config.acceptingNewPatients = v.accepting !== false;
  config.patientDermoscopy = v.dermoscopy === true;
  // No rate and no rule is no second reads: the section is left out rather than kept empty.
  const secondReads = {};
  if (v.samplePercent !== '') secondReads.samplePercent = number(v.samplePercent);
  if (v.always.length) secondReads.always = v.always;
  if (Object.keys(secondReads).length) config.secondReads = secondReads;
  else delete config.secondReads;
  return config;
}
