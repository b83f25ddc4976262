// The photos: for each view an illustrated instruction, the camera or a file, the upload with its
// progress, and the check's verdict and advice at once. Then the case is sent, once: the submit's
// Idempotency-Key is kept for the tab's session, so a retried send is the same send.

import { h, replace } from '/shared/dom.js';
import { messageBox } from '/shared/forms.js';
import { has, t } from '/shared/i18n.js';
import { caseApi, submitKey } from '../case-api.js';
import { illustration } from '../illustrations.js';
import { uploadToSlot } from '../upload.js';
import { loading, stepHeader } from '../widgets.js';
import { INTAKE_STEPS, firstStepOf, loadDraft } from './intake.js';

const REQUIRED = ['close_up', 'context'];
const OPTIONAL = ['oblique', 'dermoscopy'];
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MIN_BYTES = 1024;
const MAX_BYTES = 25 * 1024 * 1024;

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
  for (const view of [...REQUIRED, ...OPTIONAL]) {
    const photo = aCase.photos.find((p) => p.view === view && p.status !== 'AWAITING_UPLOAD') ?? null;
    cards.set(view, photoCard(app, aCase.caseId, view, photo));
  }
  const send = h('button', { type: 'button', class: 'button', id: 'submit-case' }, t('photos.send', { clinic: app.clinic.displayName }));
  const last = INTAKE_STEPS[INTAKE_STEPS.length - 1];
  replace(section, 
    stepHeader(INTAKE_STEPS.length + 1, INTAKE_STEPS.length + 1, t('photos.title')),
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

/** One view's card: how to take it, the two ways to add it, and what the check said. */
function photoCard(app, caseId, view, initial) {
  const calls = caseApi(app);
  let photo = initial;
  let lastFile = null;
  const status = h('div', { class: 'photo-status', 'aria-live': 'polite', id: `status-${view}` });
  const camera = fileInput(`camera-${view}`, true);
  const library = fileInput(`file-${view}`, false);
  const required = REQUIRED.includes(view);
  const root = h('article', { class: 'card photo-card', 'data-view': view, id: `photo-${view}` },
    h('h2', {}, t(`photos.view.${view}`), ' ',
      h('span', { class: required ? 'badge' : 'badge badge--muted' }, t(required ? 'common.required' : 'common.optional'))),
    illustration(view),
    h('ul', { class: 'tips' }, ['1', '2', '3'].map((n) => h('li', {}, t(`photos.tips.${view}.${n}`)))),
    status,
    h('div', { class: 'photo-actions' },
      h('label', { class: 'button', for: camera.id }, camera, t('photos.takePhoto')),
      h('label', { class: 'button button--secondary', for: library.id }, library, t('photos.chooseFile'))));

  for (const input of [camera, library]) {
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) send(file);
    });
  }
  drawChecked();

  async function send(file) {
    lastFile = file;
    root.classList.remove('photo-card--missing');
    const problem = fileProblem(file);
    if (problem) {
      replace(status, verdictBox('problem', t('photos.cannotUse'), [t(problem)]));
      return;
    }
    const progress = h('progress', { max: '100', value: '0', id: `progress-${view}`, 'aria-label': t('photos.uploading') });
    const percent = h('span', { class: 'photo-status__percent' }, '0%');
    replace(status, h('div', { class: 'photo-progress' }, preview(file), h('div', {},
      h('p', {}, t('photos.uploading')), progress, percent)));
    let slot;
    try {
      const answer = await calls.requestUpload(caseId, { view, contentType: file.type, sizeBytes: file.size });
      slot = answer.uploads[0];
      const cached = app.cases.get(caseId);
      if (cached) cached.version = answer.version;
      await uploadToSlot(slot, file, (fraction) => {
        progress.value = Math.round(fraction * 100);
        percent.textContent = `${progress.value}%`;
      });
      replace(status, h('p', { class: 'photo-status__checking' }, t('photos.checking')));
      photo = await calls.confirmPhoto(caseId, slot.photoId, false);
      drawChecked(true);
    } catch (error) {
      if (error.kind === 'session-expired') return;
      uploadFailed();
    }
  }

  function uploadFailed() {
    const retry = h('button', { type: 'button', class: 'button button--secondary', id: `retry-${view}`, onclick: () => send(lastFile) }, t('photos.retry'));
    replace(status, verdictBox('problem', t('photos.uploadFailed'), [navigator.onLine ? t('photos.uploadFailedWhy') : t('photos.uploadFailedOffline')], retry));
    retry.focus();
  }

  async function keep() {
    try {
      photo = await calls.confirmPhoto(caseId, photo.photoId, true);
      drawChecked(true);
    } catch (error) {
      if (error.kind !== 'session-expired') status.prepend(h('p', { class: 'field-error', role: 'alert' }, error.message ?? t('errors.unexpected')));
    }
  }

  function drawChecked(announce = false) {
    if (!photo) {
      replace(status, h('p', { class: 'hint' }, t('photos.none')));
      return;
    }
    const advice = (photo.findings ?? []).map((f) => (has(`finding.${f.code}`) ? t(`finding.${f.code}`) : f.advice));
    const retake = () => h('label', { class: 'button button--secondary', for: camera.id }, t('photos.retake'));
    let box;
    if (photo.status === 'REJECTED' || photo.verdict === 'REJECTED') {
      box = verdictBox('rejected', t('photos.verdict.rejected'), [...advice, t('photos.rejectedWhatToDo')]);
    } else if (photo.verdict === 'ACCEPTED') {
      box = verdictBox('accepted', t('photos.verdict.accepted'), advice);
    } else if (photo.kept) {
      box = verdictBox('kept', t('photos.verdict.kept'), advice, retake());
    } else {
      const keepButton = h('button', { type: 'button', class: 'button button--secondary', id: `keep-${view}`, onclick: keep }, t('photos.keepAnyway'));
      box = verdictBox(photo.verdict === 'ACCEPTED_WITH_WARNINGS' ? 'warning' : 'retake',
        t(photo.verdict === 'ACCEPTED_WITH_WARNINGS' ? 'photos.verdict.warning' : 'photos.verdict.retake'), advice,
        h('div', { class: 'photo-actions' }, retake(), keepButton));
    }
    replace(status, lastFile ? preview(lastFile) : null, box);
    if (announce) box.focus({ preventScroll: false });
  }

  return {
    root,
    ready: () => Boolean(photo) && photo.status === 'CHECKED' && (photo.verdict === 'ACCEPTED' || photo.kept),
    markMissing() {
      root.classList.add('photo-card--missing');
      if (photo && photo.status === 'CHECKED') return;
      replace(status, verdictBox('problem', t('photos.needed'), []));
    },
  };
}

/** Why a file cannot be sent, before anything is uploaded (a text key), or null. */
function fileProblem(file) {
  if (/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name)) return 'finding.heic_not_supported';
  if (!TYPES.includes(file.type)) return 'photos.wrongType';
  if (file.size < MIN_BYTES) return 'photos.tooSmall';
  if (file.size > MAX_BYTES) return 'photos.tooLarge';
  return null;
}

function fileInput(id, useCamera) {
  return h('input', { type: 'file', id, name: id, accept: 'image/*', capture: useCamera ? 'environment' : false, class: 'visually-hidden' });
}

function verdictBox(kind, title, lines, ...actions) {
  return h('div', { class: `verdict verdict--${kind}`, 'data-verdict': kind, tabindex: '-1' },
    h('p', { class: 'verdict__title' }, title),
    lines.length ? h('ul', {}, lines.map((line) => h('li', {}, line))) : null,
    ...actions);
}

/** The chosen photo, shown from memory only (never stored by the browser). */
function preview(file) {
  const url = URL.createObjectURL(file);
  const img = h('img', { class: 'photo-preview', src: url, alt: t('photos.previewAlt') });
  img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
  return img;
}
