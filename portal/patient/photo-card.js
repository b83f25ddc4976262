// A photo card, used by the intake's photos page and by the replies and follow-ups of the case
// page: for one view, an illustrated instruction, the camera or a file, the upload straight to the
// presigned URL with its progress, and the check's verdict and advice at once, with "take it
// again" and "keep anyway". The photo goes to the case's current round: the service decides it.

import { h, replace } from '/shared/dom.js';
import { has, t } from '/shared/i18n.js';
import { caseApi } from './case-api.js';
import { illustration } from './illustrations.js';
import { uploadToSlot } from './upload.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MIN_BYTES = 1024;
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * One view's card: how to take it, the two ways to add it, and what the check said.
 * @param initial the view's photo as the case has it, or null
 * @param options required (badge), idPrefix (for ids when several sets share a page), heading level
 * @returns {{root, ready(): boolean, photo(): object|null, markMissing()}}
 */
export function photoCard(app, caseId, view, initial, { required = false, idPrefix = '', heading = 'h2' } = {}) {
  const calls = caseApi(app);
  let photo = initial;
  let lastFile = null;
  const status = h('div', { class: 'photo-status', 'aria-live': 'polite', id: `${idPrefix}status-${view}` });
  const camera = fileInput(`${idPrefix}camera-${view}`, true);
  const library = fileInput(`${idPrefix}file-${view}`, false);
  const root = h('article', { class: 'card photo-card', 'data-view': view, id: `${idPrefix}photo-${view}` },
    h(heading, {}, t(`photos.view.${view}`), ' ',
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
    const progress = h('progress', { max: '100', value: '0', id: `${idPrefix}progress-${view}`, 'aria-label': t('photos.uploading') });
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
      if (error.status === 409 && !slot) {
        // The case takes no photos in its present state (e.g. sent meanwhile from another tab).
        replace(status, verdictBox('problem', t('photos.notNow'), [t('photos.notNowWhy')]));
        return;
      }
      uploadFailed();
    }
  }

  function uploadFailed() {
    const retry = h('button', { type: 'button', class: 'button button--secondary', id: `${idPrefix}retry-${view}`, onclick: () => send(lastFile) }, t('photos.retry'));
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
      const keepButton = h('button', { type: 'button', class: 'button button--secondary', id: `${idPrefix}keep-${view}`, onclick: keep }, t('photos.keepAnyway'));
      box = verdictBox(photo.verdict === 'ACCEPTED_WITH_WARNINGS' ? 'warning' : 'retake',
        t(photo.verdict === 'ACCEPTED_WITH_WARNINGS' ? 'photos.verdict.warning' : 'photos.verdict.retake'), advice,
        h('div', { class: 'photo-actions' }, retake(), keepButton));
    }
    // A refused file may not be a picture at all: no preview (it would show as a broken image).
    const refused = photo.status === 'REJECTED' || photo.verdict === 'REJECTED';
    replace(status, lastFile && !refused ? preview(lastFile) : null, box);
    if (announce) box.focus({ preventScroll: false });
  }

  return {
    root,
    photo: () => photo,
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
