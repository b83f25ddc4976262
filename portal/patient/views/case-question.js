// The dermatologist's question (getInfoRequest) and the patient's reply: text, and photos through
// the same photo cards as the intake (uploaded and checked into the question's round before the
// reply is sent; the service attaches the checked, usable ones). Once replied, the question and
// the reply stay on the page as part of the consultation's story.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { formatDateTime, t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { photoCard } from '../photo-card.js';
import { loading, textArea } from '../widgets.js';

const REPLY_VIEWS = ['close_up', 'context'];

/** Fills `slot` with the question card: a reply form while the question is open. */
export async function questionSection(app, aCase, slot) {
  replace(slot, loading());
  let request;
  try {
    request = await caseApi(app).getInfoRequest(aCase.caseId);
  } catch (error) {
    if (isMissingRoute(error) || error.kind === 'session-expired' || error.status === 404) {
      replace(slot);
      return;
    }
    replace(slot, h('div', { class: 'error-summary', role: 'alert', id: 'question-problem' },
      h('p', {}, error.kind === 'network' ? t('errors.offline') : t('case.reply.unavailableNow'))));
    return;
  }
  const open = request.open && aCase.status === 'MORE_INFO_REQUESTED';
  replace(slot, h('article', { class: open ? 'card card--attention' : 'card', id: 'info-request', 'aria-labelledby': 'question-title' },
    h('h2', { id: 'question-title' }, t(open ? 'case.reply.title' : 'case.reply.pastTitle')),
    h('p', { class: 'hint' }, t('case.reply.askedBy', {
      name: request.dermatologistName, date: formatDateTime(request.askedAt, { time: false }),
    })),
    h('blockquote', { class: 'question', id: 'question-text' }, request.question),
    open && request.newPhotos
      ? h('p', { class: 'notice', id: 'new-photos-asked' }, t('case.reply.newPhotosAsked', { name: request.dermatologistName }))
      : null,
    open ? replyForm(app, aCase, request.newPhotos === true) : pastReply(request.reply)));
}

function pastReply(reply) {
  if (!reply) return null;
  const photos = reply.photos?.length ?? 0;
  return h('div', { class: 'reply', id: 'your-reply' },
    h('h3', {}, t('case.reply.yours', { date: formatDateTime(reply.sentAt) })),
    h('p', { class: 'reply__text' }, reply.text),
    photos ? h('p', { class: 'hint' }, t(photos === 1 ? 'case.reply.photoAttached' : 'case.reply.photosAttached', { count: photos })) : null);
}

/** The reply form; when the dermatologist asked for new photos their cards are open, not optional. */
function replyForm(app, aCase, photosAsked) {
  const calls = caseApi(app);
  const message = messageBox();
  const reply = textArea({ name: 'reply', label: t('case.reply.label'), hint: t('case.reply.hint'), maxlength: 4000, rows: 5 });
  const cards = REPLY_VIEWS.map((view) => photoCard(app, aCase.caseId, view, null, { idPrefix: 'reply-', heading: 'h3' }));
  const submit = submitButton(t('case.reply.send'), t('common.sending'));
  const form = h('form', { class: 'form', novalidate: true, id: 'reply-form' },
    message.root,
    reply.root,
    h('details', { class: 'optional-photos', id: 'reply-photos', open: photosAsked },
      h('summary', {}, t(photosAsked ? 'case.reply.newPhotos' : 'case.reply.addPhotos')),
      h('p', { class: 'hint' }, t('case.reply.photosHint')),
      cards.map((card) => card.root)),
    h('div', { class: 'actions' }, submit.button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    reply.setError(null);
    if (!reply.value()) {
      reply.setError(t('case.reply.needText'));
      reply.focus();
      return;
    }
    if (cards.some((card) => card.photo() && !card.ready() && card.photo().status === 'CHECKED')) {
      // A photo with advice not yet taken again or kept would be left out silently.
      message.error(t('case.reply.photoUndecided'));
      message.root.focus();
      return;
    }
    await submit.busyWhile(async () => {
      try {
        await calls.replyToInfoRequest(aCase.caseId, { text: reply.value() });
        app.navigate(`cases/${aCase.caseId}`, { replace: true, flash: { kind: 'info', text: t('case.reply.sent') } });
      } catch (error) {
        if (error.kind === 'session-expired') return;
        if (isMissingRoute(error)) {
          message.error(t('case.reply.unavailable', { clinic: app.clinic.displayName }));
        } else if (error.status === 400 && error.errors.some((e) => e.pointer === '/text')) {
          reply.setError(t('case.reply.textTooLong'));
          reply.focus();
          return;
        } else if (error.status === 409) {
          message.error(t('case.reply.closed'));
        } else {
          message.error(error.kind === 'network' ? t('errors.offlineNotSent') : t('errors.unexpected'));
        }
        message.root.focus();
      }
    });
  });
  return form;
}
