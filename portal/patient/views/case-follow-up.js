// The follow-up the dermatologist asked for (case FOLLOW_UP_DUE): how it is going, whether there
// is anything new, notes, and new photos through the same photo cards as the intake (at least one
// usable: the service refuses a follow-up without one, naming /photos). Sent once with
// submitFollowUp; the same body again is the same follow-up.

import { h, replace } from '/shared/dom.js';
import { messageBox, submitButton } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi, isMissingRoute } from '../case-api.js';
import { photoCard } from '../photo-card.js';
import { choiceGroup, textArea, yesNo } from '../widgets.js';

const FOLLOW_UP_VIEWS = ['close_up', 'context'];

/** Fills `slot` with the follow-up form. */
export function followUpSection(app, aCase, slot) {
  const calls = caseApi(app);
  const caseId = aCase.caseId;
  const message = messageBox();
  const progress = choiceGroup({ name: 'progress', legend: t('case.followUp.progress'),
    options: ['BETTER', 'SAME', 'WORSE'].map((v) => ({ value: v, label: t(`case.followUp.${v.toLowerCase()}`) })) });
  const newSymptoms = yesNo({ name: 'newSymptoms', legend: t('case.followUp.newSymptoms'), hint: t('case.followUp.newSymptomsHint') });
  const notes = textArea({ name: 'notes', label: t('case.followUp.notes'), maxlength: 4000, rows: 4 });
  const cards = FOLLOW_UP_VIEWS.map((view) => photoCard(app, caseId, view, null, { idPrefix: 'follow-up-', heading: 'h3' }));
  const submit = submitButton(t('case.followUp.send'), t('common.sending'));
  const form = h('form', { class: 'form', novalidate: true, id: 'follow-up-form' },
    message.root, progress.root, newSymptoms.root, notes.root,
    h('h3', {}, t('case.followUp.photosTitle')),
    h('p', { class: 'hint' }, t('case.followUp.photosLead')),
    cards.map((card) => card.root),
    h('div', { class: 'actions' }, submit.button));
  const card = h('article', { class: 'card card--attention', id: 'follow-up', 'aria-labelledby': 'follow-up-title' },
    h('h2', { id: 'follow-up-title' }, t('case.followUp.title')), h('p', {}, t('case.followUp.lead')), form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    progress.setError(null);
    newSymptoms.setError(null);
    const unanswered = [[progress, progress.value()], [newSymptoms, newSymptoms.value()]]
      .filter(([, value]) => value === null).map(([widget]) => widget);
    unanswered.forEach((widget) => widget.setError(t('errors.answerThis')));
    if (unanswered.length) {
      unanswered[0].focus();
      return;
    }
    if (!cards.some((c) => c.ready())) {
      cards.forEach((c) => c.markMissing());
      message.error(t('case.followUp.needPhoto'));
      message.root.focus();
      return;
    }
    const body = { progress: progress.value(), newSymptoms: newSymptoms.value() };
    if (notes.value()) body.notes = notes.value();
    await submit.busyWhile(async () => {
      try {
        await calls.submitFollowUp(caseId, body);
        app.navigate(`cases/${caseId}`, { replace: true, flash: { kind: 'info', text: t('case.followUp.sent') } });
      } catch (error) {
        if (error.kind === 'session-expired') return;
        if (isMissingRoute(error)) {
          replace(slot);
          return;
        }
        if (error.status === 409 && error.errors.some((e) => e.pointer.startsWith('/photos'))) {
          cards.forEach((c) => c.markMissing());
          message.error(t('case.followUp.needPhoto'));
        } else if (error.status === 409) {
          message.error(t('case.followUp.notDue'));
        } else if (error.status === 400 && error.errors.some((e) => e.pointer === '/notes')) {
          notes.setError(t('errors.field'));
          notes.focus();
          return;
        } else {
          message.error(error.kind === 'network' ? t('errors.offlineNotSent') : t('errors.unexpected'));
        }
        message.root.focus();
      }
    });
  });
  replace(slot, card);
}
