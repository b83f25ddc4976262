// One answer template in the console: diagnosis code (searched in the coded list), a title, per
// language of the clinic the explanation, plan and prescriptions, the follow-up interval and the
// referral; "reviewed" is the clinic's clinical sign-off. Saves on the version read (a change made
// meanwhile is a conflict, shown, never overwritten); the API's pointers mark the fields.

import { api } from '/shared/api.js';
import { h, replace, uid } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { has, t } from '/shared/i18n.js';
import { showProblem } from './common.js';

const FORMS = ['cream', 'ointment', 'gel', 'lotion', 'solution', 'foam', 'shampoo', 'paste', 'powder', 'spray',
  'patch', 'tablet', 'capsule', 'oral-liquid', 'injection', 'other'];
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function templateEditor(app, { base, template, languages, onDone }) {
  const message = messageBox();
  const fields = {};
  const isNew = !template;
  const codes = h('datalist', { id: uid('diagnosis-codes') });
  fields.id = field({ label: t('tmpl.id'), name: 'templateId', hint: t('tmpl.idHint'), maxlength: 63, required: true,
    autocapitalize: 'none', spellcheck: 'false', value: template?.id ?? '', disabled: !isNew });
  fields.diagnosisCode = field({ label: t('tmpl.diagnosis'), name: 'diagnosisCode', hint: t('tmpl.diagnosisHint'),
    list: codes.id, autocomplete: 'off', spellcheck: 'false', value: template?.diagnosisCode ?? '' });
  fields.diagnosisCode.root.append(codes);
  let asked = 0;
  fields.diagnosisCode.input.addEventListener('input', async () => {
    const q = fields.diagnosisCode.input.value.trim();
    const ticket = ++asked;
    if (q.length < 2) return;
    try {
      const found = await api(`/diagnoses?${new URLSearchParams({ q, limit: '8' })}`, { identity: app.identity });
      if (ticket === asked) replace(codes, found.diagnoses.map((d) => h('option', { value: d.code }, d.name)));
    } catch (e) { /* typing the code itself still works */ }
  });
  fields.title = field({ label: t('tmpl.title'), name: 'templateTitle', maxlength: 120, value: template?.title ?? '' });

  const perLanguage = {};
  const languageSets = languages.map((language) => {
    const texts = template?.texts?.[language] ?? {};
    const set = { rows: [] };
    const at = `/texts/${language}`;
    set.patientExplanation = field({ label: t('tmpl.explanation'), name: `explanation-${language}`, tag: 'textarea',
      rows: 5, maxlength: 4000, lang: language });
    set.patientExplanation.input.value = texts.patientExplanation ?? '';
    set.treatmentPlan = field({ label: t('tmpl.plan'), name: `plan-${language}`, tag: 'textarea', rows: 4,
      maxlength: 4000, lang: language });
    set.treatmentPlan.input.value = texts.treatmentPlan ?? '';
    set.list = h('ol', { class: 'prescriptions', id: `tmpl-rx-${language}` });
    set.add = h('button', { type: 'button', class: 'button button--secondary button--small', id: `tmpl-add-rx-${language}`,
      onclick: () => addRow(set, language, {}).medicine.input.focus() }, t('tmpl.addPrescription'));
    (texts.prescriptions ?? []).forEach((p) => addRow(set, language, p));
    fields[`${at}/patientExplanation`] = set.patientExplanation;
    fields[`${at}/treatmentPlan`] = set.treatmentPlan;
    fields[at] = set.patientExplanation;
    perLanguage[language] = set;
    return h('fieldset', { class: 'template-language', 'data-language': language },
      h('legend', {}, t('tmpl.inLanguage', { language: has(`language.${language}`) ? t(`language.${language}`) : language })),
      set.patientExplanation.root, set.treatmentPlan.root,
      h('h3', { class: 'subhead' }, t('tmpl.prescriptions')), set.list, set.add);
  });

  function addRow(set, language, p) {
    const n = set.rows.length + 1;
    const row = {};
    row.medicine = field({ label: t('tmpl.rx.medicine'), name: `rx-medicine-${language}-${n}`, maxlength: 200, value: p.medicine ?? '' });
    row.strength = field({ label: t('tmpl.rx.strength'), name: `rx-strength-${language}-${n}`, maxlength: 60, value: p.strength ?? '' });
    row.form = field({ label: t('tmpl.rx.form'), name: `rx-form-${language}-${n}`, tag: 'select',
      options: FORMS.map((f) => h('option', { value: f, selected: p.form === f }, t(`tmpl.form.${f}`))) });
    row.directions = field({ label: t('tmpl.rx.directions'), name: `rx-directions-${language}-${n}`, tag: 'textarea', rows: 2, maxlength: 1000, lang: language });
    row.directions.input.value = p.directions ?? '';
    row.quantity = field({ label: t('tmpl.rx.quantity'), name: `rx-quantity-${language}-${n}`, maxlength: 60, value: p.quantity ?? '' });
    row.refills = field({ label: t('tmpl.rx.refills'), name: `rx-refills-${language}-${n}`, type: 'number', min: 0, max: 12, value: p.refills ?? 0 });
    row.root = h('li', { class: 'prescription' },
      h('div', { class: 'field-row' }, row.medicine.root, row.strength.root, row.form.root),
      row.directions.root,
      h('div', { class: 'field-row' }, row.quantity.root, row.refills.root,
        h('button', { type: 'button', class: 'link-button', onclick: () => {
          set.rows.splice(set.rows.indexOf(row), 1);
          row.root.remove();
          set.add.focus();
        } }, t('tmpl.removePrescription', { n }))));
    set.rows.push(row);
    set.list.append(row.root);
    return row;
  }

  fields.followUp = field({ label: t('tmpl.followUp'), name: 'followUpDays', type: 'number', min: 1, max: 365,
    inputmode: 'numeric', hint: t('tmpl.followUpHint'), value: template?.followUp?.inDays ?? '' });
  fields.referralAdvised = field({ label: t('tmpl.refer'), name: 'referralAdvised', type: 'checkbox' });
  fields.referralAdvised.input.checked = Boolean(template?.referral?.advised);
  fields.referralAdvised.root.classList.add('check-row');
  fields.referralUrgency = field({ label: t('tmpl.howSoon'), name: 'referralUrgency', tag: 'select', options: [
    h('option', { value: '' }, t('tmpl.choose')),
    ...['ROUTINE', 'SOON', 'URGENT'].map((u) => h('option', { value: u, selected: template?.referral?.urgency === u }, t(`tmpl.urgency.${u}`)))] });
  fields.reviewed = field({ label: t('tmpl.reviewed'), name: 'reviewed', type: 'checkbox', hint: t('tmpl.reviewedHint') });
  fields.reviewed.input.checked = Boolean(template?.reviewed);
  fields.reviewed.root.classList.add('check-row');
  fields['/followUp/inDays'] = fields.followUp;
  fields['/referral/urgency'] = fields.referralUrgency;
  fields['/diagnosisCode'] = fields.diagnosisCode;
  fields['/title'] = fields.title;

  const sources = template?.sources?.length
    ? h('div', { class: 'card', id: 'template-sources' }, h('h3', {}, t('tmpl.sources')),
      h('ul', {}, template.sources.map((s) => h('li', {}, h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.title)))))
    : null;

  const save = submitButton(t('tmpl.save'), t('tmpl.saving'));
  const cancel = h('button', { type: 'button', class: 'button button--secondary', id: 'cancel-template',
    onclick: () => onDone(null) }, t('tmpl.cancel'));
  const remove = isNew ? null : h('button', { type: 'button', class: 'button button--danger', id: 'delete-template',
    onclick: async () => {
      if (!window.confirm(t('tmpl.confirmDelete'))) return;
      try {
        await api(`${base}/answer-templates/${encodeURIComponent(template.id)}?version=${template.version}`,
          { method: 'DELETE', identity: app.identity });
        onDone(t('tmpl.deleted'));
      } catch (caught) {
        showProblem(caught, { message, onConflict: conflict });
      }
    } }, t('tmpl.delete'));

  const form = h('form', { class: 'form', novalidate: true, id: 'template-form', 'aria-labelledby': 'template-form-title' },
    h('h2', { id: 'template-form-title', tabindex: '-1' }, isNew ? t('tmpl.newTitle') : t('tmpl.editTitle', { name: template.title ?? template.id })),
    template && !template.reviewed ? h('p', { class: 'warning', id: 'needs-review' }, t('templates.needsReviewLong')) : null,
    message.root,
    h('div', { class: 'field-row' }, fields.id.root, fields.diagnosisCode.root),
    fields.title.root,
    ...languageSets,
    fields.followUp.root,
    h('fieldset', {}, h('legend', {}, t('tmpl.referral')), fields.referralAdvised.root, fields.referralUrgency.root),
    fields.reviewed.root,
    sources,
    h('div', { class: 'actions actions--inline' }, save.button, cancel, remove));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const f of new Set(Object.values(fields))) f.setError?.(null);
    const id = fields.id.input.value.trim();
    if (!ID.test(id)) {
      fields.id.setError(t('tmpl.idInvalid'));
      fields.id.input.focus();
      return;
    }
    await save.busyWhile(async () => {
      try {
        const saved = await api(`${base}/answer-templates/${encodeURIComponent(id)}`,
          { method: 'PUT', identity: app.identity, body: collect() });
        onDone(t('tmpl.saved', { name: saved.title ?? saved.id }));
      } catch (caught) {
        const placed = caught?.errors?.map((e) => e.pointer) ?? [];
        // Prescription pointers land on their row's field.
        for (const pointer of placed) {
          const rx = /^\/texts\/([a-z]{2})\/prescriptions\/(\d+)\/(\w+)$/.exec(pointer);
          if (rx) fields[pointer] = perLanguage[rx[1]]?.rows[Number(rx[2])]?.[rx[3]];
        }
        showProblem(caught, { message, fields, onConflict: conflict });
      }
    });
  });

  function conflict() {
    message.error(t('tmpl.conflict'));
    message.root.focus();
  }

  function collect() {
    const body = { version: template?.version ?? 0, diagnosisCode: fields.diagnosisCode.input.value.trim(), texts: {} };
    const title = fields.title.input.value.trim();
    if (title) body.title = title;
    for (const [language, set] of Object.entries(perLanguage)) {
      const words = {};
      const explanation = set.patientExplanation.input.value.trim();
      const plan = set.treatmentPlan.input.value.trim();
      if (explanation) words.patientExplanation = explanation;
      if (plan) words.treatmentPlan = plan;
      if (set.rows.length) {
        words.prescriptions = set.rows.map((r) => ({
          medicine: r.medicine.input.value.trim(), strength: r.strength.input.value.trim(), form: r.form.input.value,
          directions: r.directions.input.value.trim(), quantity: r.quantity.input.value.trim(),
          refills: Number.parseInt(r.refills.input.value || '0', 10),
        }));
      }
      if (Object.keys(words).length) body.texts[language] = words;
    }
    const days = fields.followUp.input.value.trim();
    if (days) body.followUp = { inDays: Number(days) };
    body.referral = fields.referralAdvised.input.checked
      ? { advised: true, urgency: fields.referralUrgency.input.value || null }
      : { advised: false };
    if (fields.reviewed.input.checked) body.reviewed = true;
    return body;
  }

  return {
    root: form,
    focus: () => form.querySelector('h2').focus(),
  };
}
