// The answer template for the chosen diagnosis (listMyAnswerTemplates: the dermatologist's own
// first, then the clinic's reviewed ones), offered under the diagnosis field: one button per
// language it is written in, the workbench's language first; Alt+T applies that one. Applying
// fills the form and nothing more: every word stays editable and the answer records the template.

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { currentLanguage, has, t } from '/shared/i18n.js';

export function templateOffer(app, { clinicPath, onApply, current }) {
  const root = h('div', { class: 'template-offer', id: 'template-offer', role: 'group', 'aria-labelledby': 'template-offer-title', hidden: true });
  let loading = null;
  let offered = null;
  let languages = [];

  /** The templates of this clinic for the caller, read once per form. */
  function templates() {
    loading ??= api(`${clinicPath}/me/answer-templates`, { identity: app.identity })
      .then((found) => found.templates)
      .catch(() => { loading = null; return []; });
    return loading;
  }

  async function show(code, { appliedId = null } = {}) {
    offered = null;
    root.hidden = true;
    if (!code) return;
    const template = (await templates()).find((x) => x.diagnosisCode === code);
    if (!template) return;
    offered = template;
    const mine = template.scope === 'PERSONAL';
    languages = Object.keys(template.texts).sort((a, b) => (b === currentLanguage()) - (a === currentLanguage()));
    const status = h('p', { class: 'template-offer__status', role: 'status', id: 'template-status' },
      appliedId === template.id ? t('template.applied') : '');
    replace(root,
      h('p', { id: 'template-offer-title', class: 'template-offer__title' },
        t(mine ? 'template.offerMine' : 'template.offerClinic', { name: template.title ?? template.id })),
      h('div', { class: 'actions--inline' }, languages.map((language, i) => h('button', {
        type: 'button', class: `button button--small${i ? ' button--secondary' : ''}`,
        'data-template-language': language, 'aria-keyshortcuts': i ? null : 'Alt+T',
        onclick: () => apply(language, status),
      }, t('template.apply', { language: has(`language.${language}`) ? t(`language.${language}`) : language })))),
      h('p', { class: 'hint' }, t('template.keys')),
      status);
    root.hidden = false;
  }

  function apply(language, status) {
    if (!offered) return false;
    onApply(offered, language);
    (status ?? root.querySelector('[role=status]')).textContent = t('template.applied');
    return true;
  }

  /**
   * "Save as my template": the form's words for the chosen diagnosis become the dermatologist's
   * own template `my-<code>` (putMyAnswerTemplate, on the version read), in the language of the
   * template they started from, else the workbench's; other languages of it are kept.
   */
  const saveStatus = h('p', { class: 'hint', role: 'status', id: 'my-template-status' });
  const saveButton = h('button', { type: 'button', class: 'button button--secondary', id: 'save-my-template',
    onclick: saveMine }, t('template.saveMine'));
  async function saveMine() {
    const { code, language: appliedLanguage, answer } = current();
    if (!code) { saveStatus.textContent = t('template.saveNeedsDiagnosis'); return; }
    const language = appliedLanguage ?? currentLanguage();
    const id = `my-${code}`;
    const mine = (await templates()).find((x) => x.id === id);
    const words = {};
    for (const key of ['patientExplanation', 'treatmentPlan', 'prescriptions']) if (answer[key]) words[key] = answer[key];
    const body = { version: mine?.version ?? 0, diagnosisCode: code, texts: { ...(mine?.texts ?? {}), [language]: words } };
    if (answer.followUp) body.followUp = answer.followUp;
    if (answer.referral?.advised) body.referral = { advised: true, urgency: answer.referral.urgency ?? null };
    saveButton.disabled = true;
    try {
      await api(`${clinicPath}/me/answer-templates/${encodeURIComponent(id)}`, { method: 'PUT', identity: app.identity, body });
      loading = null; // read again: the offer now has it first
      saveStatus.textContent = t('template.savedMine');
    } catch (caught) {
      saveStatus.textContent = t('template.saveFailed', { reason: asPortalError(caught).message });
    } finally {
      saveButton.disabled = false;
    }
  }

  templates(); // ahead, so the offer shows as soon as a diagnosis is chosen
  return {
    root,
    show,
    saveButton,
    saveStatus,
    /** Alt+T: the offered template in its first language; false when none is offered. */
    applyDefault: () => (offered && languages.length ? apply(languages[0]) : false),
  };
}
