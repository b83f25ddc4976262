// Flagged second reads (docs/quality.md): answered rounds whose blind second read judged the case
// more urgent than the answer the patient was sent. A medical lead (every flag of their clinics) or
// the first reader (their own) opens one: the case, both reads side by side, and either a corrected
// answer with a message to the patient (amendAnswer) or, for a lead, "reviewed, no change" with a
// reason (closeSecondReadFlag). Routes: #flagged, #flagged/{tenantId}/{caseId}/{round} (the alert
// mail's link).

import { api } from '/shared/api.js';
import { h, replace } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { field, messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { siteText } from '../clinical-words.js';
import { casePath } from '../worklist-state.js';
import { caseHistory, dateText } from './case-history.js';
import { photoPanel } from './photo-panel.js';
import { diagnosisPicker } from './diagnosis-picker.js';
import { MANAGEMENT } from './answer-form.js';
import { loadFailed, loading } from './problems.js';

const listPath = (tenantId) => `/clinics/${encodeURIComponent(tenantId)}/flagged-second-reads`;
const flagPath = (item, what) => `${listPath(item.tenantId)}/${encodeURIComponent(item.caseId)}/rounds/${item.round}/${what}`;
const MESSAGE_MAX = 1000;

/** Every clinic's open flags the dermatologist may see, oldest first; kept for the count. */
export async function loadFlagged(app) {
  const list = app.worklist;
  if (!list.loaded) await list.reload();
  const clinics = [...list.clinics];
  const pages = await Promise.all(clinics.map(([tenantId]) => api(listPath(tenantId), { identity: app.identity })));
  const items = pages.flatMap((page, i) => page.items.map((item) => ({ ...item, tenantId: clinics[i][0], clinicName: clinics[i][1] })));
  items.sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
  app.flagged = items;
  return items;
}

/** "Flagged (2)" beside "Second reads"; `refresh()` once the worklist knows the clinics. */
export function flaggedLink(app) {
  const count = h('span', { id: 'flagged-count' }, app.flagged ? String(app.flagged.length) : '…');
  const root = h('a', { href: '#flagged', id: 'flagged-link', class: 'button button--secondary button--small' },
    t('flagged.link'), ' (', count, ')');
  return {
    root,
    refresh() {
      loadFlagged(app).then((items) => { count.textContent = String(items.length); }).catch(() => { count.textContent = '?'; });
    },
  };
}

const managementText = (code) => (code ? t(`answer.management.${code}`) : '—');

export function flaggedListView(app, flash) {
  app.setPage(t('flagged.title'));
  const message = messageBox();
  if (flash?.kind === 'error') message.error(flash.text);
  else if (flash) message.info(flash.text);
  const body = h('div', { id: 'flagged-body' }, loading(t('flagged.loading')));

  async function load() {
    replace(body, loading(t('flagged.loading')));
    let items;
    try {
      items = await loadFlagged(app);
    } catch (caught) {
      replace(body, loadFailed(caught, load));
      return;
    }
    if (!items.length) {
      replace(body, h('div', { class: 'card empty-state', id: 'flagged-empty' }, h('p', {}, t('flagged.none'))));
      return;
    }
    replace(body, h('table', { class: 'data-table', id: 'flagged' },
      h('caption', { class: 'visually-hidden' }, t('flagged.caption')),
      h('thead', {}, h('tr', {}, ['flagged', 'clinic', 'first', 'second', 'actions'].map((c) => h('th', { scope: 'col' }, t(`flagged.col.${c}`))))),
      h('tbody', {}, items.map((item) => h('tr', { 'data-case': item.caseId, 'data-round': item.round },
        h('td', {}, dateText(item.flaggedAt)),
        h('td', {}, item.clinicName),
        h('td', {}, managementText(item.firstRead.management)),
        h('td', {}, managementText(item.secondRead.management)),
        h('td', {}, h('a', { class: 'button button--small', href: `#flagged/${item.tenantId}/${item.caseId}/${item.round}`,
          'aria-label': t('flagged.openLabel', { clinic: item.clinicName, flagged: dateText(item.flaggedAt) }) },
        t('flagged.open'))))))));
  }

  app.mount({ onKey(event) { if (event.key === 'Escape') { app.go(''); return true; } return false; } });
  load();
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'flagged-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#' }, t('case.toWorklist'))),
    h('h1', { id: 'page-title', tabindex: '-1' }, t('flagged.title')),
    h('p', { class: 'hint' }, t('flagged.explain')),
    message.root,
    body);
}

/** One flagged round: the case, both reads side by side, the amendment and the close forms. */
export function flaggedRoundView(app, item) {
  app.setPage(t('flagged.page'));
  const title = h('h1', { id: 'page-title', tabindex: '-1' }, t('flagged.page'));
  const body = h('div', { class: 'case-body' }, loading(t('case.opening')));

  async function load() {
    replace(body, loading(t('case.opening')));
    let flag;
    let review;
    try {
      const [page, opened] = await Promise.all([
        api(listPath(item.tenantId), { identity: app.identity }),
        api(casePath(item.tenantId, item.caseId), { identity: app.identity }),
      ]);
      flag = page.items.find((i) => i.caseId === item.caseId && i.round === item.round);
      review = opened;
    } catch (caught) {
      replace(body, loadFailed(caught, load));
      return;
    }
    if (!flag) {
      replace(body, h('div', { class: 'card', id: 'flag-gone' }, h('p', {}, t('flagged.gone')),
        h('a', { href: '#flagged', class: 'button button--secondary button--small' }, t('flagged.backToList'))));
      return;
    }
    const first = (review.answers ?? []).find((a) => a.round === item.round);
    title.textContent = `${t('flagged.page')}: ${review.clinicName} · ${(review.intake?.bodySites ?? []).map(siteText).join(', ') || t('case.word')}`;
    const photos = photoPanel(review);
    replace(body,
      h('div', { class: 'case-columns', id: 'both-reads' },
        h('div', { class: 'case-column card', id: 'first-read' },
          h('h2', {}, t('flagged.firstRead', { name: first?.dermatologistName ?? '' })),
          readText(flag.firstRead, first)),
        h('div', { class: 'case-column card', id: 'second-read' },
          h('h2', {}, t('flagged.secondRead')),
          readText(flag.secondRead, null))),
      h('div', { class: 'case-columns' },
        h('div', { class: 'case-column case-column--history' }, caseHistory(review)),
        h('div', { class: 'case-column case-column--photos' }, photos.root)),
      h('div', { class: 'case-columns case-columns--answer' },
        h('div', { class: 'case-column' }, amendForm(app, item, first)),
        h('div', { class: 'case-column' }, closeForm(app, item))));
  }

  app.mount({ onKey(event) { if (event.key === 'Escape') { app.go('flagged'); return true; } return false; } });
  load();
  return h('section', { 'aria-labelledby': 'page-title', class: 'wb-wide', id: 'flagged-round-view', 'data-case': item.caseId },
    h('nav', { class: 'breadcrumb', 'aria-label': t('case.breadcrumb') }, h('a', { href: '#flagged' }, t('flagged.backToList'))),
    h('div', { class: 'wb-titlebar' }, title),
    body);
}

/** What one reader said: the category, the diagnosis code and, for the sent answer, its words. */
function readText(reading, answer) {
  return h('dl', { class: 'read-summary' },
    h('dt', {}, t('answer.management')), h('dd', { class: 'read-management' }, managementText(reading.management)),
    h('dt', {}, t('answer.diagnosis')), h('dd', { class: 'read-diagnosis' }, reading.diagnosisCode),
    answer?.referral ? [h('dt', {}, t('flagged.referral')), h('dd', {},
      answer.referral.advised ? t(`flagged.urgency.${answer.referral.urgency}`) : t('flagged.noReferral'))] : null,
    answer?.patientExplanation ? [h('dt', {}, t('flagged.explanation')), h('dd', {}, answer.patientExplanation)] : null,
    answer?.treatmentPlan ? [h('dt', {}, t('flagged.plan')), h('dd', {}, answer.treatmentPlan)] : null);
}

/**
 * The corrected answer, starting from the answer as sent: the diagnosis, the explanation, the plan,
 * the referral and the management category can be changed here; prescriptions, differentials and
 * follow-up are kept as they were. Plus the message to the patient.
 */
function amendForm(app, item, sent) {
  const box = messageBox();
  const diagnosis = diagnosisPicker(app, { label: t('answer.diagnosis'), name: 'amendDiagnosis', onPick: () => diagnosis.setError(null) });
  if (sent?.diagnosis) diagnosis.set({ code: sent.diagnosis.code, name: sent.diagnosis.code });
  const explanation = field({ label: t('flagged.explanation'), name: 'amendExplanation', tag: 'textarea', rows: 4 });
  explanation.input.value = sent?.patientExplanation ?? '';
  const plan = field({ label: t('flagged.plan'), name: 'amendPlan', tag: 'textarea', rows: 3 });
  plan.input.value = sent?.treatmentPlan ?? '';
  const referral = field({ label: t('flagged.referral'), name: 'amendReferral', tag: 'select',
    options: ['NONE', 'ROUTINE', 'SOON', 'URGENT'].map((v) => h('option', { value: v }, v === 'NONE' ? t('flagged.noReferral') : t(`flagged.urgency.${v}`))) });
  referral.input.value = sent?.referral?.advised ? sent.referral.urgency : 'NONE';
  const management = field({ label: t('answer.management'), name: 'amendManagement', tag: 'select',
    options: [h('option', { value: '' }, t('answer.choose')), ...MANAGEMENT.map((m) => h('option', { value: m }, t(`answer.management.${m}`)))] });
  const message = field({ label: t('flagged.patientMessage'), hint: t('flagged.patientMessageHint', { max: MESSAGE_MAX }),
    name: 'patientMessage', tag: 'textarea', rows: 3, maxlength: String(MESSAGE_MAX) });
  const send = h('button', { type: 'submit', class: 'button', id: 'send-amendment' }, t('flagged.amend'));
  const root = h('form', { class: 'form answer-form', novalidate: true, id: 'amend-form', 'aria-labelledby': 'amend-title' },
    h('h2', { id: 'amend-title' }, t('flagged.amendTitle')),
    h('p', { class: 'hint' }, t('flagged.amendExplain')),
    box.root, diagnosis.root, explanation.root, plan.root, referral.root, management.root, message.root,
    h('div', { class: 'actions' }, send));
  const byPointer = {
    '/answer/diagnosis/code': diagnosis, '/answer/diagnosis': diagnosis, '/answer/patientExplanation': explanation,
    '/answer/treatmentPlan': plan, '/answer/referral/urgency': referral, '/answer/management': management,
    '/patientMessage': message,
  };

  root.addEventListener('submit', async (event) => {
    event.preventDefault();
    box.clear();
    Object.values(byPointer).forEach((f) => f.setError(null));
    const missing = [];
    if (!management.input.value) missing.push([management, t('flagged.managementMissing')]);
    if (!message.input.value.trim()) missing.push([message, t('flagged.messageMissing')]);
    if (missing.length) {
      for (const [f, text] of missing) f.setError(text);
      box.error(t('flagged.fix'));
      missing[0][0].input.focus();
      return;
    }
    const urgency = referral.input.value;
    const answer = {
      diagnosis: { code: diagnosis.value()?.code, ...(sent?.diagnosis?.note ? { note: sent.diagnosis.note } : {}) },
      differentials: sent?.differentials ?? [],
      patientExplanation: explanation.input.value,
      treatmentPlan: plan.input.value,
      prescriptions: sent?.prescriptions ?? [],
      referral: urgency === 'NONE' ? { advised: false } : { advised: true, urgency },
      management: management.input.value,
    };
    if (sent?.followUp) answer.followUp = sent.followUp;
    if (sent?.surveillance) answer.surveillance = sent.surveillance;
    if (sent?.fitzpatrickType) answer.fitzpatrickType = sent.fitzpatrickType;
    send.disabled = true;
    send.setAttribute('aria-busy', 'true');
    try {
      await api(flagPath(item, 'amendments'), { method: 'POST', identity: app.identity,
        body: { answer, patientMessage: message.input.value, answerVersion: sent?.answerVersion ?? 1 } });
      app.flagged = (app.flagged ?? []).filter((x) => !(x.caseId === item.caseId && x.round === item.round && x.tenantId === item.tenantId));
      app.go('flagged', { flash: { kind: 'info', text: t('flagged.amended') } });
    } catch (caught) {
      failed(caught, box, byPointer);
    } finally {
      send.disabled = false;
      send.removeAttribute('aria-busy');
    }
  });
  return root;
}

/** A medical lead keeps the answer as it is, with a reason. */
function closeForm(app, item) {
  const box = messageBox();
  const reason = field({ label: t('flagged.reason'), hint: t('flagged.reasonHint'), name: 'closeReason', tag: 'textarea', rows: 3, maxlength: '1000' });
  const send = h('button', { type: 'submit', class: 'button button--secondary', id: 'close-flag' }, t('flagged.close'));
  const root = h('form', { class: 'form', novalidate: true, id: 'close-flag-form', 'aria-labelledby': 'close-title' },
    h('h2', { id: 'close-title' }, t('flagged.closeTitle')),
    box.root, reason.root, h('div', { class: 'actions' }, send));
  root.addEventListener('submit', async (event) => {
    event.preventDefault();
    box.clear();
    reason.setError(null);
    if (!reason.input.value.trim()) {
      reason.setError(t('flagged.reasonMissing'));
      reason.input.focus();
      return;
    }
    send.disabled = true;
    try {
      await api(flagPath(item, 'resolution'), { method: 'POST', identity: app.identity, body: { reason: reason.input.value } });
      app.flagged = (app.flagged ?? []).filter((x) => !(x.caseId === item.caseId && x.round === item.round && x.tenantId === item.tenantId));
      app.go('flagged', { flash: { kind: 'info', text: t('flagged.closed') } });
    } catch (caught) {
      failed(caught, box, { '/reason': reason });
    } finally {
      send.disabled = false;
    }
  });
  return root;
}

function failed(caught, box, byPointer) {
  const error = asPortalError(caught);
  const marked = (caught.errors ?? []).filter((e) => byPointer[e.pointer]);
  if (marked.length) {
    for (const e of marked) byPointer[e.pointer].setError(t('form.invalid', { detail: e.detail }));
    box.error(t('flagged.fix'));
    byPointer[marked[0].pointer].input.focus();
  } else if (error.kind === 'forbidden') {
    box.error(t('flagged.notYours')); box.root.focus();
  } else if (error.kind === 'conflict') {
    box.error(t('flagged.conflict')); box.root.focus();
  } else if (error.kind === 'not-found') {
    box.error(t('flagged.gone')); box.root.focus();
  } else if (error.kind !== 'session-expired') {
    box.error(error.message); box.root.focus();
  }
}
