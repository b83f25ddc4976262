// The photos: for each view an illustrated instruction, the camera or a file, the upload with its
// progress, and the check's verdict and advice at once. Then the case is sent, once: the submit's
// Idempotency-Key is kept for the tab's session, so a retried send is the same send.

import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { caseApi, submitKey } from '../case-api.js';
import { dermoscopyFacts } from '../dermoscopy-facts.js';
import { photoCard } from '../photo-card.js';
import { loading, stepHeader } from '../widgets.js';
import { firstStepOf, loadDraft, stepsFor } from './intake.js';
import { seekCareNow } from './emergency.js';

const REQUIRED = ['close_up', 'context'];
const EMERGENCY_PROBLEM = 'urn:dermrelay:problem:seek-emergency-care';
/** The optional views; a dermoscopic photo only where the clinic offers it (few patients own a dermatoscope). */
const optionalViews = (clinic) => (clinic?.patientDermoscopy === true ? ['oblique', 'dermoscopic'] : ['oblique']);

export function photosView(app, flash, caseId) {
  const section = h('section', { 'aria-labelledby': 'page-title', id: 'photos', class: 'wizard' }, loading());
  loadDraft(app, caseId, section).then((aCase) => {
    if (aCase && section.isConnected) build(app, section, aCase);
  });
  return section;
}

function build(app, section, aCase) {
  app.setPage(t('photos.title'));
  const message = messageBox();
  const cards = new Map();
  const OPTIONAL = optionalViews(app.clinic);
  for (const view of [...REQUIRED, ...OPTIONAL]) {
    const photo = aCase.photos.find((p) => p.view === view && p.status !== 'AWAITING_UPLOAD') ?? null;
    const facts = view === 'dermoscopic' ? dermoscopyFacts() : null;
    cards.set(view, photoCard(app, aCase.caseId, view, photo, { required: REQUIRED.includes(view), facts }));
  }
  const send = h('button', { type: 'button', class: 'button', id: 'submit-case' }, t('photos.send', { clinic: app.clinic.displayName }));
  const steps = stepsFor(aCase);
  const last = steps[steps.length - 1];
  replace(section,
    stepHeader(steps.length + 1, steps.length + 1, t('photos.title')),
    h('p', { class: 'lead' }, t('photos.lead')),
    REQUIRED.map((view) => cards.get(view).root),
    h('details', { class: 'optional-photos' },
      h('summary', {}, t('photos.optional')),
      OPTIONAL.map((view) => cards.get(view).root)),
    h('div', { class: 'card send-card' },
      h('h2', {}, t('photos.sendTitle')),
      h('p', {}, t('photos.sendLead')),
      message.root,
      h('div', { class: 'actions' }, send,
        h('a', { class: 'button button--secondary', href: app.href(`cases/${aCase.caseId}/${last}`), 'data-route': `cases/${aCase.caseId}/${last}` }, t('common.back')))));
  section.querySelector('h1').focus({ preventScroll: true });

  send.addEventListener('click', async () => {
    message.clear();
    const missing = REQUIRED.filter((view) => !cards.get(view).ready());
    if (missing.length) {
      missing.forEach((view) => cards.get(view).markMissing());
      message.error(t('photos.missing', { views: missing.map((v) => t(`photos.view.${v}`)).join(', ') }));
      message.root.focus();
      return;
    }
    send.disabled = true;
    send.setAttribute('aria-busy', 'true');
    send.textContent = t('photos.sending');
    try {
      const submitted = await caseApi(app).submitCase(aCase.caseId, submitKey(aCase.caseId));
      app.cases.set(aCase.caseId, submitted);
      app.navigate(`cases/${aCase.caseId}`, { flash: { kind: 'info', text: t('photos.sent', { clinic: app.clinic.displayName }) } });
    } catch (error) {
      if (error.kind === 'session-expired') return;
      if (error.problemType === EMERGENCY_PROBLEM) {
        // The answers describe an emergency: what to do now, and nothing else to fill in.
        app.cases.delete(aCase.caseId);
        section.replaceWith(seekCareNow(app));
        document.getElementById('page-title')?.focus();
        return;
      }
      showRefusal(app, aCase, error, cards, message);
    } finally {
      send.disabled = false;
      send.removeAttribute('aria-busy');
      send.textContent = t('photos.send', { clinic: app.clinic.displayName });
    }
  });
}

/** A refused send: which photo or answer is missing, with a way to it. */
function showRefusal(app, aCase, error, cards, message) {
  const pointers = (error.errors ?? []).map((e) => e.pointer);
  const photoViews = pointers.filter((p) => p.startsWith('/photos/')).map((p) => p.split('/')[2]);
  photoViews.forEach((view) => cards.get(view)?.markMissing());
  if (pointers.some((p) => p.startsWith('/intake') || p.startsWith('/consent'))) {
    app.cases.delete(aCase.caseId);
    const step = pointers.some((p) => p.startsWith('/intake')) ? firstStepOf(aCase) : 'consent';
    const target = step === 'photos' ? 'body-site' : step;
    message.root.className = 'error-summary';
    message.root.setAttribute('role', 'alert');
    replace(message.root, h('p', {}, t('photos.answersMissing')),
      h('p', {}, h('a', { href: app.href(`cases/${aCase.caseId}/${target}`), 'data-route': `cases/${aCase.caseId}/${target}` }, t('photos.goToAnswers'))));
    message.root.hidden = false;
  } else if (photoViews.length) {
    message.error(t('photos.missing', { views: photoViews.map((v) => t(`photos.view.${v}`)).join(', ') }));
  } else {
    message.error(error.kind === 'network' ? t('photos.notSentOffline') : (error.message ?? t('errors.unexpected')));
  }
  message.root.focus();
}
