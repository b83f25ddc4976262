// The dermatologist's answer as the patient reads it (getAnswer): the diagnosis in the patient's
// words with its clinical name, other possibilities, the explanation, what to do, prescriptions,
// whether to see someone in person, when to send follow-up photos, and who answered. "I have read
// this" records the reading (acknowledgeAnswer); repeating it changes nothing on the service.
// An amended answer (docs/quality.md) opens with a notice: when it was updated, the dermatologist's
// message and what changed, in words; the answer as first sent stays behind a disclosure.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { currentLanguage, formatDateTime, t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { loading } from '../widgets.js';

/** Fills `slot` with the answer card (or leaves it empty when the operation is not deployed). */
export async function answerSection(app, caseId, slot) {
  replace(slot, loading());
  let answer;
  try {
    answer = await caseApi(app).getAnswer(caseId);
  } catch (error) {
    if (isMissingRoute(error) || error.kind === 'session-expired') {
      replace(slot);
      return;
    }
    replace(slot, h('div', { class: 'error-summary', role: 'alert', id: 'answer-problem' },
      h('p', {}, error.kind === 'network' ? t('errors.offline') : t('case.answerUnavailable'))));
    return;
  }
  replace(slot, answerCard(app, caseId, answer));
}

function answerCard(app, caseId, answer) {
  const heading = h('h2', { id: 'answer-title' }, t('case.answer.title'));
  return h('article', { class: 'card answer', id: 'answer', 'aria-labelledby': 'answer-title' },
    heading,
    answer.amended ? amendedNotice(answer) : null,
    h('p', { class: 'answer__byline', id: 'answer-byline' },
      t('case.answer.byline', { name: answer.dermatologistName, date: formatDateTime(answer.answeredAt, { time: false }) })),
    diagnosis(answer),
    answer.explanation ? h('p', { class: 'answer__explanation', id: 'answer-explanation' }, answer.explanation) : null,
    answer.treatmentPlan ? [h('h3', {}, t('case.answer.plan')), h('p', { id: 'answer-plan' }, answer.treatmentPlan)] : null,
    prescriptions(answer.prescriptions),
    referral(answer.referral),
    answer.followUpDate
      ? h('div', { class: 'notice', id: 'answer-follow-up' },
        h('p', {}, h('strong', {}, t('case.answer.followUpTitle')), ' ',
          t('case.answer.followUpOn', { date: formatDateTime(`${answer.followUpDate}T12:00:00Z`, { time: false }) })))
      : null,
    answer.surveillance
      ? h('div', { class: 'notice', id: 'answer-surveillance' },
        h('p', {}, h('strong', {}, t('case.answer.surveillanceTitle')), ' ',
          answer.surveillance.inMonths === 1
            ? t('case.answer.surveillanceInOne')
            : t('case.answer.surveillanceIn', { months: answer.surveillance.inMonths })),
        h('p', { id: 'answer-surveillance-instructions' }, answer.surveillance.instructions))
      : null,
    letter(app, caseId, answer),
    acknowledgement(app, caseId, answer));
}

/** The amended answer's notice: it is the current one, why it changed, what changed, the original. */
function amendedNotice(answer) {
  const { amended } = answer;
  const original = amended.original;
  const earlier = h('div', { class: 'answer__original' },
    h('p', { class: 'answer__byline' },
      t('case.answer.byline', { name: original.dermatologistName, date: formatDateTime(original.answeredAt, { time: false }) })),
    diagnosis(original),
    original.explanation ? h('p', {}, original.explanation) : null,
    original.treatmentPlan ? [h('h3', {}, t('case.answer.plan')), h('p', {}, original.treatmentPlan)] : null,
    prescriptions(original.prescriptions),
    referral(original.referral));
  // The original's parts reuse the card's builders: their ids belong to the current answer only.
  earlier.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  return h('div', { class: 'notice notice--amended', id: 'answer-amended', role: 'note' },
    h('p', {}, h('strong', { id: 'answer-amended-title' },
      t('case.answer.amendedOn', { date: formatDateTime(amended.amendedAt, { time: false }) }))),
    h('p', { class: 'hint' }, t('case.answer.amendedCurrent')),
    h('p', {}, t('case.answer.amendedMessage', { name: amended.amendedByName })),
    h('blockquote', { id: 'answer-amended-message' }, amended.message),
    amended.changes.length
      ? [h('p', {}, h('strong', {}, t('case.answer.amendedChanges'))),
        h('ul', { id: 'answer-changes' }, amended.changes.map((field) => h('li', { 'data-change': field }, changeText(field, answer))))]
      : null,
    h('details', { id: 'answer-original' },
      h('summary', {}, t('case.answer.amendedOriginal')),
      earlier));
}

/** What changed in one field, in words, saying what the answer now asks where it matters. */
function changeText(field, answer) {
  if (field === 'referral') {
    const now = answer.referral;
    return now?.advised
      ? t('case.answer.changed.referralNow', { when: t(`case.answer.referral.${now.urgency ?? 'ROUTINE'}`) })
      : t('case.answer.changed.referralNone');
  }
  if (field === 'diagnosis') return t('case.answer.changed.diagnosis', { name: answer.diagnosis?.name ?? '' });
  return t(`case.answer.changed.${field}`);
}

function diagnosis(answer) {
  const main = answer.diagnosis;
  if (!main) return null;
  const others = (answer.differentials ?? []).filter(Boolean);
  return [
    h('h3', {}, t('case.answer.diagnosis')),
    h('p', { class: 'answer__diagnosis', id: 'answer-diagnosis' },
      h('strong', {}, main.name),
      main.clinicalName && main.clinicalName !== main.name
        ? h('span', { class: 'hint' }, ' ', t('case.answer.clinicalName', { name: main.clinicalName })) : null),
    others.length
      ? [h('p', {}, t('case.answer.differentials')),
        h('ul', { id: 'answer-differentials' }, others.map((c) => h('li', {}, c.name)))]
      : null,
  ];
}

function prescriptions(list) {
  if (!Array.isArray(list) || !list.length) return null;
  return [
    h('h3', {}, t('case.answer.prescriptions')),
    h('ul', { class: 'prescriptions', id: 'answer-prescriptions' }, list.map((p) => h('li', {},
      h('strong', {}, [p.medicine, p.strength, p.form ? t(`case.answer.form.${p.form}`) : null].filter(Boolean).join(' ')),
      p.directions ? h('span', { class: 'prescriptions__directions' }, p.directions) : null,
      p.quantity ? h('span', { class: 'hint' }, t('case.answer.quantity', { quantity: p.quantity, refills: p.refills ?? 0 })) : null))),
    h('p', { class: 'hint' }, t('case.answer.prescriptionsHow')),
  ];
}

function referral(value) {
  if (!value) return null;
  if (!value.advised) {
    return h('p', { id: 'answer-referral', 'data-advised': 'false' }, t('case.answer.noReferral'));
  }
  const urgency = value.urgency ?? 'ROUTINE';
  return h('div', { class: `notice notice--${urgency.toLowerCase()}`, id: 'answer-referral', 'data-advised': 'true' },
    h('p', {}, h('strong', {}, t('case.answer.referral')), ' ', t(`case.answer.referral.${urgency}`)),
    value.note ? h('p', {}, value.note) : null);
}

/**
 * The answer as a letter to keep (getAnswerLetter), in the page's language: fetched with the
 * patient's token, then saved under a name that says which case, never what was found.
 */
function letter(app, caseId, answer) {
  const message = messageBox();
  const download = submitButton(answer.referral?.advised ? t('case.answer.letterWithReferral') : t('case.answer.letter'),
    t('case.answer.letterBusy'));
  download.button.classList.add('button--secondary');
  const ready = h('p', { class: 'answer__letter-ready', id: 'answer-letter-ready', role: 'status' });
  const form = h('form', { class: 'form answer__letter', id: 'answer-letter-form' }, message.root,
    h('p', { class: 'hint' }, t('case.answer.letterWhy')),
    h('div', { class: 'actions' }, download.button), ready);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    await download.busyWhile(async () => {
      try {
        const pdf = await caseApi(app).answerLetter(caseId, currentLanguage());
        const name = `dermrelay-letter-${caseId}.pdf`;
        const size = Math.max(1, Math.round(pdf.size / 1024));
        const link = h('a', { id: 'answer-letter-link', href: URL.createObjectURL(pdf), download: name, type: pdf.type },
          t('case.answer.letterSave', { name, size }));
        replace(ready, link);
        link.click();
      } catch (error) {
        if (error.kind !== 'session-expired') {
          message.error(error.kind === 'network' ? t('errors.offline') : t('errors.unexpected'));
        }
      }
    });
  });
  return form;
}

function acknowledgement(app, caseId, answer) {
  const read = (at) => h('p', { class: 'answer__read', id: 'answer-read' }, t('case.answer.readOn', { date: formatDateTime(at) }));
  if (answer.readAt) return read(answer.readAt);
  const message = messageBox();
  const acknowledge = submitButton(t('case.answer.acknowledge'), t('common.saving'));
  const form = h('form', { class: 'form', id: 'acknowledge-form' }, message.root,
    h('p', { class: 'hint' }, t('case.answer.acknowledgeWhy', { clinic: app.clinic.displayName })),
    h('div', { class: 'actions' }, acknowledge.button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    await acknowledge.busyWhile(async () => {
      try {
        const acknowledged = await caseApi(app).acknowledgeAnswer(caseId);
        const done = h('p', { class: 'status-message', role: 'status', id: 'answer-read', tabindex: '-1' },
          t('case.answer.acknowledged'), ' ', t('case.answer.readOn', { date: formatDateTime(acknowledged?.readAt ?? new Date().toISOString()) }));
        replace(form, done);
        done.focus();
      } catch (error) {
        if (isMissingRoute(error)) form.remove();
        else if (error.kind !== 'session-expired') {
          message.error(error.kind === 'network' ? t('errors.offline') : t('errors.unexpected'));
        }
      }
    });
  });
  return form;
}
