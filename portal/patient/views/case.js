// One consultation: where it stands, what happened when, each photo's check, and the review
// loop's parts: the dermatologist's answer (case-answer.js), their question and the reply
// (case-question.js), the follow-up (case-follow-up.js). Each part has a slot in page order and
// fills it when its call answers; a part whose operation is not deployed (the gateway's plain
// 404) is left out.

import { messageBox } from '/shared/forms.js';
import { h, replace } from '/shared/dom.js';
import { formatDateTime, has, t } from '/shared/i18n.js';
import { caseApi } from '../case-api.js';
import { loading } from '../widgets.js';
import { showFlash } from './session.js';
import { firstStepOf } from './intake.js';
import { answerSection } from './case-answer.js';
import { questionSection } from './case-question.js';
import { followUpSection } from './case-follow-up.js';

/** Statuses in which the patient can read an answer (getAnswer answers 404 before). */
const DELIVERED = ['ANSWERED', 'FOLLOW_UP_DUE', 'CLOSED'];

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
  const question = h('div', { class: 'review-slot' });
  const answer = h('div', { class: 'review-slot' });
  const followUp = h('div', { class: 'review-slot' });
  // An open question comes first; an answered one is history, after the answer.
  const review = h('div', { id: 'review-sections' }, aCase.status === 'MORE_INFO_REQUESTED'
    ? [question, answer, followUp] : [answer, followUp, question]);
  replace(body, 
    h('div', { class: 'card card--tinted case-status', id: 'case-status' },
      h('p', { class: 'case-status__label' }, t('case.statusLabel'), ' ',
        h('span', { class: `status status--${aCase.status.toLowerCase()}`, id: 'case-status-value' }, t(`status.${aCase.status}`))),
      h('p', {}, t(has(`status.${aCase.status}.explain`) ? `status.${aCase.status}.explain` : 'status.other.explain', { clinic: app.clinic.displayName })),
      aCase.status === 'DRAFT'
        ? h('a', { class: 'button', id: 'continue-draft', href: app.href(`cases/${caseId}/${firstStepOf(aCase)}`), 'data-route': `cases/${caseId}/${firstStepOf(aCase)}` }, t('case.continue'))
        : null),
    // Answers that describe an emergency sign, in a case the clinic took rather than turned away:
    // what to do if it gets worse before the answer (the emergency page's own advice).
    aCase.emergencySigns && !DELIVERED.includes(aCase.status)
      ? h('div', { class: 'emergency-stop__box', id: 'emergency-signs', role: 'note' },
        h('p', { class: 'emergency-stop__now' }, t('case.emergencySigns.title', { clinic: app.clinic.displayName })),
        h('p', {}, t('emergency.stop.call')), h('p', {}, t('case.emergencySigns.worse')))
      : null,
    review,
    timeline(aCase),
    photoList(aCase));
  // A question is shown while open and, answered, as part of the story (only when one was asked:
  // every read is audited, so no call is made on the chance).
  const asked = aCase.status === 'MORE_INFO_REQUESTED'
    || (aCase.timeline ?? []).some((entry) => entry.event === 'more_info_requested');
  if (asked) questionSection(app, aCase, question);
  if (DELIVERED.includes(aCase.status)) answerSection(app, caseId, answer);
  if (aCase.status === 'FOLLOW_UP_DUE') followUpSection(app, aCase, followUp);
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
  // "photo requested: close_up" (the patient chose a photo), "photo checked: close_up", ...
  const photo = /^photo (\w+): (\w+)$/.exec(event);
  if (photo) {
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
