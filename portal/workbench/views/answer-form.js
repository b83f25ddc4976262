// The answer form: diagnosis and differentials from the curated list, the explanation for the
// patient, the plan, prescriptions, referral and follow-up. Drafts save themselves a moment after
// each change (saveAnswerDraft, on the version read: another window's save is never lost
// silently). The API's problem pointers put each refusal on its field.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { describe, diagnosisPicker } from './diagnosis-picker.js';
import { templateOffer } from './template-offer.js';

const SAVE_AFTER_MS = 1200;
const MAX_DIFFERENTIALS = 5;
/** Management categories, least urgent first (cases.ManagementCategory). */
export const MANAGEMENT = ['REASSURE', 'TREAT', 'REFER_ROUTINE', 'BIOPSY', 'REFER_URGENT'];
const FORMS = ['cream', 'ointment', 'gel', 'lotion', 'solution', 'foam', 'shampoo', 'paste', 'powder', 'spray',
  'patch', 'tablet', 'capsule', 'oral-liquid', 'injection', 'other'];

/**
 * @param hooks {path (the case's /clinics/{t}/cases/{c}), onActivity(), onSent(answer), onConflict(),
 *   ensureClaim() -> Promise<boolean>}
 */
export function answerForm(app, hooks) {
  const message = messageBox();
  const fields = {};
  const saveStatus = h('p', { class: 'save-status', id: 'draft-status', role: 'status' }, '');
  let version = 0;
  let saveTimer = null;
  let saving = null;
  let loaded = false;
  /** Typed before the saved draft arrived: that typing is kept, never overwritten by the load. */
  let typedBeforeLoad = false;
  /** Once the answer is sent nothing more is saved as a draft, and a second send is ignored. */
  let sent = false;
  let sending = false;
  /**
   * Two versions are offered (offerChoice): nothing is saved until the dermatologist picks, not even
   * by the change event the field they typed in fires when the offer takes the focus.
   */
  let choosing = false;

  fields.diagnosis = diagnosisPicker(app, { label: t('answer.diagnosis'), name: 'diagnosis',
    onPick: (d) => { offer.show(d.code); changed(); } });
  /** The template the answer started from ({id, version}), recorded with the answer. */
  let applied = null;
  let appliedLanguage = null;
  const offer = templateOffer(app, {
    clinicPath: hooks.path.replace(/\/cases\/[^/]+$/, ''),
    onApply: (template, language) => { applyTemplate(template, language); },
    current: () => {
      const answer = collect({ draft: true });
      return { code: fields.diagnosis.value()?.code ?? null, language: appliedLanguage, answer };
    },
  });
  fields.note = field({ label: t('answer.note'), name: 'diagnosisNote', tag: 'textarea', rows: 2, maxlength: 2000,
    hint: t('answer.noteHint') });
  const differentials = [];
  const chips = h('ul', { class: 'chips', id: 'differentials', 'aria-label': t('answer.differentialsChosen') });
  fields.differentials = diagnosisPicker(app, {
    label: t('answer.differentials'), name: 'differential', keepText: false,
    hint: t('answer.differentialsHint'),
    onPick: (d) => {
      if (differentials.length < MAX_DIFFERENTIALS && !differentials.some((x) => x.code === d.code)) differentials.push(d);
      drawChips();
      changed();
    },
  });
  fields.patientExplanation = field({ label: t('answer.explanation'), name: 'patientExplanation', tag: 'textarea', rows: 5,
    maxlength: 4000, hint: t('answer.explanationHint') });
  fields.treatmentPlan = field({ label: t('answer.plan'), name: 'treatmentPlan', tag: 'textarea', rows: 4, maxlength: 4000 });

  const prescriptionRows = [];
  const prescriptionList = h('ol', { class: 'prescriptions', id: 'prescriptions' });
  const addPrescription = h('button', { type: 'button', class: 'button button--secondary button--small', id: 'add-prescription',
    onclick: () => { const row = prescriptionRow(); row.fields.medicine.input.focus(); changed(); } }, t('answer.addPrescription'));

  fields.referralAdvised = field({ label: t('answer.refer'), name: 'referralAdvised', type: 'checkbox' });
  fields.referralUrgency = field({ label: t('answer.howSoon'), name: 'referralUrgency', tag: 'select', options: [
    h('option', { value: '' }, t('answer.choose')), h('option', { value: 'ROUTINE' }, t('answer.urgency.ROUTINE')),
    h('option', { value: 'SOON' }, t('answer.urgency.SOON')), h('option', { value: 'URGENT' }, t('answer.urgency.URGENT'))] });
  fields.referralNote = field({ label: t('answer.referralNote'), name: 'referralNote', tag: 'textarea', rows: 2, maxlength: 2000 });
  const referralDetails = h('div', { class: 'field-row', id: 'referral-details' }, fields.referralUrgency.root, fields.referralNote.root);
  fields.referralAdvised.root.classList.add('check-row');
  fields.referralAdvised.input.addEventListener('change', () => { referralDetails.hidden = !fields.referralAdvised.input.checked; });
  referralDetails.hidden = true;
  // The management category follows the referral and prescriptions until the dermatologist picks
  // one; a picked one is theirs and never changes by itself (docs/quality.md).
  fields.management = field({ label: t('answer.management'), name: 'management', tag: 'select',
    hint: t('answer.managementHint'),
    options: MANAGEMENT.map((m) => h('option', { value: m }, t(`answer.management.${m}`))) });
  let managementChosen = false;
  fields.management.input.addEventListener('change', () => { managementChosen = true; });
  // Optional: the skin type as judged from the photos, for the figures by skin type (docs/quality.md).
  fields.fitzpatrickType = field({ label: t('answer.skinType'), name: 'fitzpatrickType', tag: 'select',
    hint: t('answer.skinTypeHint'),
    options: [h('option', { value: '' }, t('answer.skinType.none')),
      ...[1, 2, 3, 4, 5, 6].map((n) => h('option', { value: String(n) }, t(`answer.skinType.${n}`)))] });
  fields.followUp = field({ label: t('answer.followUp'), name: 'followUpDays', type: 'number', min: 1, max: 365,
    inputmode: 'numeric', hint: t('answer.followUpHint') });
  // Surveillance: the lesion is photographed again in some months and compared with these photos.
  fields.surveillanceMonths = field({ label: t('answer.surveillanceMonths'), name: 'surveillanceMonths', type: 'number',
    min: 1, max: 24, inputmode: 'numeric', hint: t('answer.surveillanceHint') });
  fields.surveillanceInstructions = field({ label: t('answer.surveillanceInstructions'), name: 'surveillanceInstructions',
    tag: 'textarea', rows: 2, maxlength: 2000 });

  const send = h('button', { type: 'submit', class: 'button', id: 'send-answer', 'aria-keyshortcuts': 'Control+Enter' }, t('answer.send'));
  const form = h('form', { class: 'form answer-form', novalidate: true, id: 'answer-form', 'aria-labelledby': 'answer-title' },
    h('div', { class: 'form-head' }, h('h2', { id: 'answer-title' }, t('answer.title')), saveStatus),
    message.root,
    fields.diagnosis.root, offer.root, fields.note.root,
    fields.differentials.root, chips,
    fields.patientExplanation.root, fields.treatmentPlan.root,
    h('fieldset', { class: 'prescriptions-fieldset' }, h('legend', {}, t('answer.prescriptions')), prescriptionList, addPrescription),
    h('fieldset', {}, h('legend', {}, t('answer.referral')), fields.referralAdvised.root, referralDetails),
    fields.management.root,
    fields.fitzpatrickType.root,
    fields.followUp.root,
    h('fieldset', {}, h('legend', {}, t('answer.surveillance')), fields.surveillanceMonths.root, fields.surveillanceInstructions.root),
    h('div', { class: 'actions actions--inline' }, send, offer.saveButton, h('p', { class: 'hint' }, t('answer.sendKeys'))),
    offer.saveStatus);

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
  // Enter in a one-line field must not send the answer (the browser's implicit submission);
  // Ctrl+Enter sends from anywhere in the form.
  form.addEventListener('keydown', (event) => {
    if (event.altKey && !event.ctrlKey && event.code === 'KeyT' && offer.applyDefault()) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    if (event.ctrlKey) {
      event.preventDefault();
      submit();
    } else if (event.target.tagName === 'INPUT') {
      event.preventDefault();
    }
  });

  function drawChips() {
    replace(chips, differentials.map((d, i) => h('li', { class: 'chip', 'data-code': d.code }, describe(d),
      h('button', { type: 'button', class: 'chip__remove', 'aria-label': t('answer.removeDifferential', { name: d.name }),
        onclick: () => { differentials.splice(i, 1); drawChips(); changed(); fields.differentials.input.focus(); } }, '×'))));
  }

  function prescriptionRow(values = {}) {
    const n = prescriptionRows.length + 1;
    const row = { fields: {} };
    row.fields.medicine = field({ label: t('rx.medicine'), name: `rx-medicine-${n}`, maxlength: 200, value: values.medicine });
    row.fields.strength = field({ label: t('rx.strength'), name: `rx-strength-${n}`, maxlength: 60, value: values.strength, hint: t('rx.strengthHint') });
    row.fields.form = field({ label: t('rx.form'), name: `rx-form-${n}`, tag: 'select', options: FORMS.map((f) =>
      h('option', { value: f, selected: values.form === f }, t(`rx.form.${f}`))) });
    row.fields.directions = field({ label: t('rx.directions'), name: `rx-directions-${n}`, tag: 'textarea', rows: 2, maxlength: 1000 });
    row.fields.directions.input.value = values.directions ?? '';
    row.fields.quantity = field({ label: t('rx.quantity'), name: `rx-quantity-${n}`, maxlength: 60, value: values.quantity, hint: t('rx.quantityHint') });
    row.fields.refills = field({ label: t('rx.refills'), name: `rx-refills-${n}`, type: 'number', min: 0, max: 12, value: values.refills ?? 0 });
    row.root = h('li', { class: 'prescription' },
      h('div', { class: 'field-row' }, row.fields.medicine.root, row.fields.strength.root, row.fields.form.root),
      row.fields.directions.root,
      h('div', { class: 'field-row' }, row.fields.quantity.root, row.fields.refills.root,
        h('button', { type: 'button', class: 'link-button', onclick: () => {
          prescriptionRows.splice(prescriptionRows.indexOf(row), 1);
          row.root.remove();
          changed();
          addPrescription.focus();
        } }, t('rx.remove', { n }))));
    prescriptionRows.push(row);
    prescriptionList.append(row.root);
    return row;
  }

  /** The form as AnswerContent; a draft leaves out what is empty. */
  function collect({ draft }) {
    const text = (f) => f.input.value.trim();
    const answer = {};
    const diagnosis = fields.diagnosis.value();
    if (diagnosis || text(fields.note) || !draft) {
      answer.diagnosis = {};
      if (diagnosis) answer.diagnosis.code = diagnosis.code;
      if (text(fields.note)) answer.diagnosis.note = text(fields.note);
    }
    if (differentials.length) answer.differentials = differentials.map((d) => d.code);
    if (text(fields.patientExplanation) || !draft) answer.patientExplanation = text(fields.patientExplanation);
    if (text(fields.treatmentPlan) || !draft) answer.treatmentPlan = text(fields.treatmentPlan);
    if (prescriptionRows.length) {
      answer.prescriptions = prescriptionRows.map((r) => ({
        medicine: text(r.fields.medicine), strength: text(r.fields.strength), form: r.fields.form.input.value,
        directions: text(r.fields.directions), quantity: text(r.fields.quantity),
        refills: Number.parseInt(r.fields.refills.input.value || '0', 10),
      }));
    }
    if (fields.referralAdvised.input.checked) {
      answer.referral = { advised: true, urgency: fields.referralUrgency.input.value || null, note: text(fields.referralNote) || null };
    } else if (!draft) {
      answer.referral = { advised: false };
    }
    const days = text(fields.followUp);
    if (days) answer.followUp = { inDays: Number(days) };
    if (managementChosen || !draft) answer.management = fields.management.input.value;
    if (fields.fitzpatrickType.input.value) answer.fitzpatrickType = Number(fields.fitzpatrickType.input.value);
    const months = text(fields.surveillanceMonths);
    const instructions = text(fields.surveillanceInstructions);
    if (months || instructions) {
      answer.surveillance = {};
      if (months) answer.surveillance.inMonths = Number(months);
      if (instructions) answer.surveillance.instructions = instructions;
    }
    if (applied) {
      answer.templateId = applied.id;
      answer.templateVersion = applied.version;
    }
    return answer;
  }

  /** Fills the form from a template in one of its languages; everything stays editable. */
  function applyTemplate(template, language) {
    const words = template.texts[language] ?? {};
    fields.patientExplanation.input.value = words.patientExplanation ?? '';
    fields.treatmentPlan.input.value = words.treatmentPlan ?? '';
    prescriptionRows.splice(0).forEach((r) => r.root.remove());
    (words.prescriptions ?? []).forEach((p) => prescriptionRow(p));
    fields.referralAdvised.input.checked = Boolean(template.referral?.advised);
    fields.referralUrgency.input.value = template.referral?.urgency ?? '';
    referralDetails.hidden = !fields.referralAdvised.input.checked;
    fields.followUp.input.value = template.followUp?.inDays ?? '';
    suggestManagement();
    applied = { id: template.id, version: template.version };
    appliedLanguage = language;
    changed();
  }

  async function fill(answer) {
    if (answer) fillNamed(answer, await names(codesOf(answer)));
  }

  function codesOf(answer) {
    return answer ? [answer.diagnosis?.code, ...(answer.differentials ?? [])].filter(Boolean) : [];
  }

  /** Sets every field at once (no await between them), so nothing typed meanwhile is half-kept. */
  function fillNamed(answer, named) {
    if (answer.diagnosis?.code) fields.diagnosis.set(named.get(answer.diagnosis.code) ?? { code: answer.diagnosis.code, name: answer.diagnosis.code });
    fields.note.input.value = answer.diagnosis?.note ?? '';
    differentials.splice(0, differentials.length, ...(answer.differentials ?? []).map((c) => named.get(c) ?? { code: c, name: c }));
    drawChips();
    fields.patientExplanation.input.value = answer.patientExplanation ?? '';
    fields.treatmentPlan.input.value = answer.treatmentPlan ?? '';
    prescriptionRows.splice(0).forEach((r) => r.root.remove());
    (answer.prescriptions ?? []).forEach((p) => prescriptionRow(p));
    fields.referralAdvised.input.checked = Boolean(answer.referral?.advised);
    fields.referralUrgency.input.value = answer.referral?.urgency ?? '';
    fields.referralNote.input.value = answer.referral?.note ?? '';
    referralDetails.hidden = !fields.referralAdvised.input.checked;
    fields.followUp.input.value = answer.followUp?.inDays ?? '';
    fields.fitzpatrickType.input.value = answer.fitzpatrickType ? String(answer.fitzpatrickType) : '';
    managementChosen = Boolean(answer.management);
    if (managementChosen) fields.management.input.value = answer.management;
    else suggestManagement();
    fields.surveillanceMonths.input.value = answer.surveillance?.inMonths ?? '';
    fields.surveillanceInstructions.input.value = answer.surveillance?.instructions ?? '';
    applied = answer.templateId ? { id: answer.templateId, version: answer.templateVersion } : null;
    offer.show(answer.diagnosis?.code ?? null, { appliedId: answer.templateId });
  }

  /** Names for stored codes: a draft keeps codes only. */
  async function names(codes) {
    const found = new Map();
    await Promise.all(codes.map(async (code) => {
      try {
        const result = await api(`/diagnoses?${new URLSearchParams({ q: code, limit: '5' })}`, { identity: app.identity });
        const match = result.diagnoses.find((d) => d.code === code);
        if (match) found.set(code, match);
      } catch (e) { /* the code itself stands in */ }
    }));
    return found;
  }

  /** The category the referral and prescriptions suggest (cases.ManagementCategory.suggestedFor). */
  function suggestManagement() {
    if (managementChosen) return;
    if (fields.referralAdvised.input.checked) {
      fields.management.input.value = fields.referralUrgency.input.value === 'ROUTINE' ? 'REFER_ROUTINE' : 'REFER_URGENT';
    } else {
      fields.management.input.value = prescriptionRows.length ? 'TREAT' : 'REASSURE';
    }
  }

  function changed() {
    suggestManagement();
    if (sent) return;
    if (!loaded) { typedBeforeLoad = true; return; }
    hooks.onActivity?.();
    saveStatus.textContent = t('draft.unsaved');
    if (choosing) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, SAVE_AFTER_MS);
  }

  async function saveDraft() {
    clearTimeout(saveTimer);
    saveTimer = null;
    if (saving) { await saving; }
    if (sent) return;
    saving = (async () => {
      try {
        const saved = await api(`${hooks.path}/answer-draft`, { method: 'PUT', identity: app.identity,
          body: { version, answer: collect({ draft: true }) } });
        version = saved.version;
        clearErrors();
        saveStatus.textContent = t('draft.savedAt', { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }) });
      } catch (caught) {
        const error = asPortalError(caught);
        if (error.kind === 'conflict') {
          draftConflict();
        } else if (error.kind === 'network') {
          saveStatus.textContent = t('draft.offline');
        } else if (error.kind !== 'session-expired') {
          saveStatus.textContent = t('draft.invalid');
          placeErrors(caught, '/answer');
        }
      } finally {
        saving = null;
      }
    })();
    return saving;
  }

  /** Another window saved this draft since we read it: the dermatologist chooses which to keep. */
  async function draftConflict() {
    const theirs = await api(`${hooks.path}/answer-draft`, { identity: app.identity }).catch(() => null);
    if (!theirs) return;
    saveStatus.textContent = t('draft.conflict');
    offerChoice(theirs, t('draft.conflictText'));
  }

  /** Two versions of the draft, the one on screen and `theirs`: the dermatologist picks. */
  function offerChoice(theirs, why, loadedText = t('draft.loadedTheirs')) {
    choosing = true;
    clearTimeout(saveTimer);
    message.root.hidden = false;
    message.root.className = 'error-summary';
    message.root.setAttribute('role', 'alert');
    replace(message.root,
      h('p', {}, why),
      h('div', { class: 'actions--inline' },
        h('button', { type: 'button', class: 'button button--small', id: 'keep-mine', onclick: () => {
          choosing = false; version = theirs.version; message.clear(); saveDraft();
        } }, t('draft.keepMine')),
        h('button', { type: 'button', class: 'button button--secondary button--small', onclick: async () => {
          choosing = false; version = theirs.version; loaded = false; await fill(theirs.answer); loaded = true; message.clear();
          saveStatus.textContent = loadedText;
        } }, t('draft.loadTheirs'))));
    message.root.focus();
  }

  async function submit() {
    if (sending || sent) return;
    sending = true;
    clearTimeout(saveTimer);
    saveTimer = null;
    message.clear();
    clearErrors();
    send.disabled = true;
    send.setAttribute('aria-busy', 'true');
    try {
      if (!(await hooks.ensureClaim())) return;
      const answer = await api(`${hooks.path}/answer`, { method: 'POST', identity: app.identity, body: collect({ draft: false }) });
      sent = true;
      hooks.onSent(answer);
    } catch (caught) {
      const error = asPortalError(caught);
      if (error.kind === 'conflict') {
        saveDraft();
        hooks.onConflict();
      } else if (error.kind === 'network') {
        message.error(t('answer.offline'));
        message.root.focus();
      } else if (error.kind !== 'session-expired' && !placeErrors(caught, '')) {
        message.error(error.message);
        message.root.focus();
      }
    } finally {
      sending = false;
      send.disabled = false;
      send.removeAttribute('aria-busy');
    }
  }

  /** Each `errors` pointer on its field; true if one was placed. */
  function placeErrors(caught, prefix) {
    let first = null;
    for (const { pointer, detail } of caught?.errors ?? []) {
      const target = fieldFor(pointer.startsWith(prefix) ? pointer.slice(prefix.length) : pointer);
      if (!target) continue;
      target.setError(t('form.invalid', { detail }));
      first ??= target;
    }
    if (first) {
      message.error(t('answer.fix'));
      first.input.focus();
    }
    return Boolean(first);
  }

  function fieldFor(pointer) {
    const rx = /^\/prescriptions\/(\d+)\/(\w+)$/.exec(pointer);
    if (rx) return prescriptionRows[Number(rx[1])]?.fields[rx[2]] ?? null;
    const map = {
      '/diagnosis': fields.diagnosis, '/diagnosis/code': fields.diagnosis, '/diagnosis/note': fields.note,
      '/patientExplanation': fields.patientExplanation, '/treatmentPlan': fields.treatmentPlan,
      '/referral/advised': fields.referralAdvised, '/referral/urgency': fields.referralUrgency,
      '/referral/note': fields.referralNote, '/management': fields.management, '/fitzpatrickType': fields.fitzpatrickType, '/followUp/inDays': fields.followUp, '/followUp': fields.followUp,
      '/surveillance/inMonths': fields.surveillanceMonths, '/surveillance': fields.surveillanceMonths,
      '/surveillance/instructions': fields.surveillanceInstructions,
    };
    if (pointer.startsWith('/differentials')) return fields.differentials;
    return map[pointer] ?? null;
  }

  function clearErrors() {
    for (const f of Object.values(fields)) f.setError(null);
    for (const r of prescriptionRows) for (const f of Object.values(r.fields)) f.setError(null);
  }

  return {
    root: form,
    async load() {
      let draft;
      try {
        draft = await api(`${hooks.path}/answer-draft`, { identity: app.identity });
      } catch (caught) {
        // Unread, the stored draft is not lost: the next save (version 0) meets it as a conflict
        // and the choice is offered. Without this, nothing typed from now on would be saved.
        loaded = true;
        if (typedBeforeLoad) changed();
        throw caught;
      }
      version = draft.version;
      const named = await names(codesOf(draft.answer));
      loaded = true;
      if (typedBeforeLoad) {
        // The form was usable before the draft arrived; what was typed stays on screen.
        if (draft.answer && Object.keys(draft.answer).length > 0) {
          saveStatus.textContent = t('draft.unsaved');
          offerChoice(draft, t('draft.typedBeforeLoad'), t('draft.loadedSaved'));
        } else {
          changed();
        }
        return;
      }
      if (draft.answer) fillNamed(draft.answer, named);
      if (draft.savedAt) saveStatus.textContent = t('draft.from', { when: new Date(draft.savedAt).toLocaleString(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' }) });
    },
    submit,
    /** `d` from the case: straight to the diagnosis field, to type a diagnosis. */
    focusDiagnosis: () => fields.diagnosis.input.focus(),
    /** Saves now if anything waits (leaving the case, coming back online). */
    flush: () => (saveTimer ? saveDraft() : Promise.resolve()),
  };
}
