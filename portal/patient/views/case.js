// One consultation: where it stands, what happened when, each photo's check, and — as the review
// loop provides them — the dermatologist's answer, a question to reply to and a follow-up
// invitation. A part whose operation is not deployed yet (404 from the gateway) is left out.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { formatDateTime, has, t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { choiceGroup, loading, textArea } from '../widgets.js';
import { showFlash } from './session.js';
import { firstStepOf } from './intake.js';

const ANSWERED = ['ANSWERED', 'FOLLOW_UP_DUE', 'CLOSED'];

export function caseView(app, flash, caseId) {
  app.setPage(t('case.title'));
  const message = messageBox();
  showFlash(message, flash);
  const body = h('div', { id: 'case-body' }, loading());
  const section = h('section', { 'aria-labelledby': 'page-title', id: 'case-page' },
    message.root,
    h('h1', { id: 'page-title', tabindex: '-1' }, t('case.title')),
    body,
    h('p', { class: 'aside' }, h('a', { href: app.href('home'), 'data-route': 'home' }, t('nav.backHome'))));
  load(app, caseId, body);
  return section;
}

async function load(app, caseId, body) {
  const calls = caseApi(app);
  let aCase;
  try {
    aCase = await calls.getCase(caseId);
    app.cases.set(caseId, aCase);
  } catch (error) {
    if (error.kind === 'session-expired') return;
    replace(body, h('div', { class: 'error-summary', role: 'alert' },
      h('p', {}, error.status === 404 ? t('case.notFound') : error.kind === 'network' ? t('errors.offline') : (error.message ?? t('errors.unexpected')))));
    return;
  }
  const review = h('div', { id: 'review-sections' });
  replace(body, 
    h('div', { class: 'card card--tinted case-status', id: 'case-status' },
      h('p', { class: 'case-status__label' }, t('case.statusLabel'), ' ',
        h('span', { class: `status status--${aCase.status.toLowerCase()}`, id: 'case-status-value' }, t(`status.${aCase.status}`))),
      h('p', {}, t(has(`status.${aCase.status}.explain`) ? `status.${aCase.status}.explain` : 'status.other.explain', { clinic: app.clinic.displayName })),
      aCase.status === 'DRAFT'
        ? h('a', { class: 'button', id: 'continue-draft', href: app.href(`cases/${caseId}/${firstStepOf(aCase)}`), 'data-route': `cases/${caseId}/${firstStepOf(aCase)}` }, t('case.continue'))
        : null),
    review,
    timeline(aCase),
    photoList(aCase));
  if (ANSWERED.includes(aCase.status)) answerSection(app, caseId, review);
  if (aCase.status === 'MORE_INFO_REQUESTED') replySection(app, aCase, review);
  if (aCase.status === 'FOLLOW_UP_DUE') followUpSection(app, caseId, review);
}

/** What happened, oldest first, in words; the draft's many saves read as one line. */
function timeline(aCase) {
  const entries = [];
  for (const entry of aCase.timeline ?? []) {
    const key = eventKey(entry.event);
    if (!key) continue;
    if (entries.length && entries[entries.length - 1].key === key && key === 'event.updated') continue;
    entries.push({ key, at: entry.at, view: viewOf(entry.event) });
  }
  return h('div', { class: 'card' },
    h('h2', {}, t('case.timeline')),
    h('ol', { class: 'timeline', id: 'case-timeline' }, entries.map((e) => h('li', { 'data-event': e.key },
      h('time', { datetime: e.at }, formatDateTime(e.at)),
      h('span', {}, t(e.key, { view: e.view ? t(`photos.view.${e.view}`) : '' }))))));
}

/** The text key of a timeline event code; null for bookkeeping the patient need not see. */
function eventKey(event) {
  const photo = /^photo (\w+): (\w+)$/.exec(event);
  if (photo) {
    if (photo[1] === 'awaiting_upload') return null;
    return has(`event.photo.${photo[1]}`) ? `event.photo.${photo[1]}` : 'event.other';
  }
  const key = `event.${event}`;
  return has(key) ? key : 'event.other';
}

function viewOf(event) {
  return /^photo \w+: (\w+)$/.exec(event)?.[1] ?? null;
}

function photoList(aCase) {
  const photos = (aCase.photos ?? []).filter((p) => p.status !== 'AWAITING_UPLOAD');
  if (!photos.length) return null;
  return h('div', { class: 'card' },
    h('h2', {}, t('case.photos')),
    h('ul', { class: 'photo-summary', id: 'case-photos' }, photos.map((p) => h('li', { 'data-view': p.view },
      h('strong', {}, t(`photos.view.${p.view}`)), ': ',
      t(p.kept && p.verdict !== 'ACCEPTED' ? 'photos.verdict.kept' : `photos.verdictShort.${p.verdict ?? 'REJECTED'}`)))));
}

async function answerSection(app, caseId, container) {
  const calls = caseApi(app);
  let answer;
  try {
    answer = await calls.getAnswer(caseId);
  } catch (error) {
    if (!isMissingRoute(error) && error.kind !== 'session-expired') {
      container.append(h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, t('case.answerUnavailable'))));
    }
    return;
  }
  const diagnosis = answer.diagnosis?.name ?? answer.diagnosis?.text ?? null;
  const acknowledge = submitButton(t('case.answer.acknowledge'), t('common.saving'));
  const form = h('form', { class: 'form' }, acknowledge.button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await acknowledge.busyWhile(async () => {
      try {
        await calls.acknowledgeAnswer(caseId);
        replace(form, h('p', { class: 'status-message', role: 'status' }, t('case.answer.acknowledged')));
      } catch (error) {
        if (isMissingRoute(error)) form.remove();
      }
    });
  });
  container.append(h('div', { class: 'card answer', id: 'answer' },
    h('h2', {}, t('case.answer.title')),
    diagnosis ? h('p', {}, h('strong', {}, t('case.answer.diagnosis')), ' ', diagnosis) : null,
    answer.explanation ? h('p', { class: 'answer__explanation' }, answer.explanation) : null,
    answer.plan ? [h('h3', {}, t('case.answer.plan')), h('p', {}, answer.plan)] : null,
    Array.isArray(answer.prescriptions) && answer.prescriptions.length
      ? [h('h3', {}, t('case.answer.prescriptions')), h('ul', { class: 'prescriptions' }, answer.prescriptions.map((p) => h('li', {},
        h('strong', {}, [p.medicine, p.strength, p.form].filter(Boolean).join(' ')),
        p.directions ? h('span', { class: 'prescriptions__directions' }, p.directions) : null,
        p.quantity ? h('span', { class: 'hint' }, t('case.answer.quantity', { quantity: p.quantity, refills: p.refills ?? 0 })) : null)))]
      : null,
    answer.referral
      ? h('div', { class: 'notice' }, h('p', {}, h('strong', {}, t('case.answer.referral')), ' ',
        answer.referral.reason ?? answer.referral.text ?? '', answer.referral.urgency ? ` (${answer.referral.urgency})` : ''))
      : null,
    answer.acknowledgedAt ? null : form));
}

function replySection(app, aCase, container) {
  const calls = caseApi(app);
  const message = messageBox();
  const reply = textArea({ name: 'reply', label: t('case.reply.label'), maxlength: 4000, rows: 5 });
  const submit = submitButton(t('case.reply.send'), t('common.saving'));
  const form = h('form', { class: 'form', novalidate: true, id: 'reply-form' }, message.root, reply.root, h('div', { class: 'actions' }, submit.button));
  const question = aCase.infoRequest?.question ?? aCase.question ?? null;
  const card = h('div', { class: 'card', id: 'info-request' },
    h('h2', {}, t('case.reply.title')),
    question ? h('blockquote', { class: 'question' }, question) : h('p', {}, t('case.reply.generic')),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    reply.setError(null);
    if (!reply.value()) {
      reply.setError(t('errors.answerThis'));
      reply.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await calls.replyToInfoRequest(aCase.caseId, { text: reply.value() });
        app.navigate(`cases/${aCase.caseId}`, { replace: true, flash: { kind: 'info', text: t('case.reply.sent') } });
      } catch (error) {
        if (isMissingRoute(error)) {
          replace(card, h('h2', {}, t('case.reply.title')), h('p', {}, t('case.reply.unavailable', { clinic: app.clinic.displayName })));
        } else if (error.kind !== 'session-expired') {
          message.error(error.message ?? t('errors.unexpected'));
        }
      }
    });
  });
  container.append(card);
}

function followUpSection(app, caseId, container) {
  const calls = caseApi(app);
  const message = messageBox();
  const progress = choiceGroup({ name: 'progress', legend: t('case.followUp.progress'),
    options: ['better', 'same', 'worse'].map((v) => ({ value: v, label: t(`case.followUp.${v}`) })) });
  const notes = textArea({ name: 'notes', label: t('case.followUp.notes'), maxlength: 4000, rows: 4 });
  const submit = submitButton(t('case.followUp.send'), t('common.saving'));
  const form = h('form', { class: 'form', novalidate: true, id: 'follow-up-form' }, message.root, progress.root, notes.root, h('div', { class: 'actions' }, submit.button));
  const card = h('div', { class: 'card', id: 'follow-up' }, h('h2', {}, t('case.followUp.title')), h('p', {}, t('case.followUp.lead')), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    progress.setError(null);
    if (!progress.value()) {
      progress.setError(t('errors.answerThis'));
      progress.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await calls.submitFollowUp(caseId, { progress: progress.value(), notes: notes.value() });
        app.navigate(`cases/${caseId}`, { replace: true, flash: { kind: 'info', text: t('case.followUp.sent') } });
      } catch (error) {
        if (isMissingRoute(error)) card.remove();
        else if (error.kind !== 'session-expired') message.error(error.message ?? t('errors.unexpected'));
      }
    });
  });
  // Whether submitFollowUp is deployed is known only by calling it (a probe would be a write):
  // the card shows while the case says a follow-up is due, and a missing route removes it.
  container.append(card);
}
