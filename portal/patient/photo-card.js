// A photo card, used by the intake's photos page and by the replies and follow-ups of the case
// page: for one view, an illustrated instruction, the camera or a file, the upload straight to the
// presigned URL with its progress, and the check's verdict and advice at once, with "take it
// again" and "keep anyway". The photo goes to the case's current round: the service decides it.

import { h, replace } from '/shared/dom.js';
import { has, t } from '/shared/i18n.js';
import { caseApi } from './case-api.js';
import { illustration } from './illustrations.js';
import { findPending, pendingKey, removePending, savePending } from './pending-photos.js';
import { PrepError, preparePhoto, warmPhotoWorker } from './photo-prep.js';
import { retryDelaySeconds, uploadToSlot, waitBeforeRetry } from './upload.js';

// Only files a phone camera or gallery gives; iOS converts HEIC to JPEG for an input asking
// for these. The service takes WebP too, but a photo is re-encoded as JPEG before it goes.
const ACCEPT = 'image/jpeg,image/png';
const OPENABLE = ['image/jpeg', 'image/png', 'image/webp'];
const MIN_BYTES = 1024;
const MAX_BYTES = 25 * 1024 * 1024;
/** Tries without a word from the patient before the card asks them to press "Try again". */
const AUTOMATIC_TRIES = 8;

/**
 * One view's card: how to take it, the two ways to add it, and what the check said.
 * @param initial the view's photo as the case has it, or null
 * @param options required (badge), idPrefix (for ids when several sets share a page), heading level,
 *   facts: more questions about how the photo is taken ({root, value()}), sent with its upload slot
 *   as `dermoscopy`
 * @returns {{root, ready(): boolean, photo(): object|null, markMissing()}}
 */
export function photoCard(app, caseId, view, initial, { required = false, idPrefix = '', heading = 'h2', facts = null } = {}) {
  const calls = caseApi(app);
  let photo = initial;
  let lastFile = null;
  let sending = null;
  const storeKey = pendingKey(caseId, idPrefix.replace(/-$/, '') || 'intake', view);
  const status = h('div', { class: 'photo-status', 'aria-live': 'polite', id: `${idPrefix}status-${view}` });
  const camera = fileInput(`${idPrefix}camera-${view}`, true);
  const library = fileInput(`${idPrefix}file-${view}`, false);
  const root = h('article', { class: 'card photo-card', 'data-view': view, id: `${idPrefix}photo-${view}` },
    h(heading, {}, t(`photos.view.${view}`), ' ',
      h('span', { class: required ? 'badge' : 'badge badge--muted' }, t(required ? 'common.required' : 'common.optional'))),
    illustration(view),
    h('ul', { class: 'tips' }, ['1', '2', '3'].map((n) => h('li', {}, t(`photos.tips.${view}.${n}`)))),
    facts?.root,
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
  warmPhotoWorker();
  // A photo chosen before a reload, a lost connection or a sleeping phone carries on from here.
  findPending(storeKey).then((pending) => {
    if (pending && !sending && root.isConnected !== false) {
      lastFile = pending.blob;
      sending = deliver(pending, true);
    }
  });

  async function send(file) {
    lastFile = file;
    root.classList.remove('photo-card--missing');
    const problem = fileProblem(file);
    if (problem) {
      replace(status, verdictBox('problem', t('photos.cannotUse'), [t(problem)]));
      return;
    }
    const bar = progressBar('photos.preparing');
    replace(status, h('div', { class: 'photo-progress', 'data-stage': 'preparing' }, bar.root));
    let prepared;
    try {
      prepared = await preparePhoto(file, view, bar.set);
    } catch (error) {
      if (!(error instanceof PrepError)) throw error;
      // Nothing is sent: what this browser cannot open, the service could not check either.
      replace(status, verdictBox('rejected', t('photos.verdict.rejected'),
        [t(isHeic(file) ? 'finding.heic_not_supported' : 'photos.unreadable'), t('photos.rejectedWhatToDo')]));
      return;
    }
    if (prepared.blob.size < MIN_BYTES || prepared.blob.size > MAX_BYTES) {
      replace(status, verdictBox('problem', t('photos.cannotUse'), [t(prepared.blob.size < MIN_BYTES ? 'photos.tooSmall' : 'photos.tooLarge')]));
      return;
    }
    lastFile = prepared.blob;
    const pending = { key: storeKey, caseId, view, blob: prepared.blob, width: prepared.width, height: prepared.height,
      dermoscopy: facts?.value() ?? null };
    await savePending(pending);
    sending = deliver(pending, false);
  }

  /**
   * Sends a prepared photo until the service has checked it: a new slot, the upload, the check.
   * A dropped connection, a phone that slept or a storage hiccup is tried again after a pause
   * that grows (2, 4, 8, 16, then 30 s), at once when the connection or the page comes back.
   */
  async function deliver(pending, resumed) {
    const bar = progressBar('photos.uploading');
    const note = h('p', { class: 'photo-status__note', id: `${idPrefix}note-${view}` },
      resumed ? t('photos.resumed') : null);
    replace(status, h('div', { class: 'photo-progress', 'data-stage': 'sending' },
      preview(pending.blob), h('div', {}, note, bar.root)));
    let uploaded = pending.photoId && pending.uploaded ? pending.photoId : null;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!uploaded) {
          const wanted = { view, contentType: pending.blob.type || 'image/jpeg', sizeBytes: pending.blob.size };
          if (pending.dermoscopy) wanted.dermoscopy = pending.dermoscopy;
          const answer = await calls.requestUpload(caseId, wanted);
          const slot = answer.uploads[0];
          const cached = app.cases.get(caseId);
          if (cached) cached.version = answer.version;
          bar.label(t('photos.uploading'));
          await uploadToSlot(slot, pending.blob, bar.set);
          uploaded = slot.photoId;
          // Uploaded: after a reload only the check is left to ask for.
          await savePending({ ...pending, photoId: uploaded, uploaded: true });
        }
        replace(status, h('p', { class: 'photo-status__checking', 'data-stage': 'checking' }, t('photos.checking')));
        photo = await calls.confirmPhoto(caseId, uploaded, false);
        await removePending(storeKey);
        sending = null;
        drawChecked(true);
        return;
      } catch (error) {
        if (error.kind === 'session-expired') {
          sending = null;
          return;
        }
        if (error.status === 409 && !uploaded) {
          // The case takes no photos in its present state (e.g. sent meanwhile from another tab).
          await removePending(storeKey);
          sending = null;
          // The clinic stores all the photos its plan allows (issue 19): a reason, not a retry.
          const why = error.problemType === 'urn:dermrelay:problem:clinic-storage-full'
            ? t('photos.storageFull', { clinic: app.clinic.displayName }) : t('photos.notNowWhy');
          replace(status, verdictBox('problem', t('photos.notNow'), [why]));
          return;
        }
        if (error.status === 409 || error.reason === 'refused') {
          // No upload arrived for the slot, or the slot lapsed while the phone slept: a new one.
          uploaded = null;
        } else if (!retryable(error)) {
          sending = null;
          uploadFailed();
          return;
        }
        if (attempt >= AUTOMATIC_TRIES) {
          sending = null;
          uploadFailed();
          return;
        }
        await waiting(attempt, bar);
        replace(status, h('div', { class: 'photo-progress', 'data-stage': 'sending' },
          preview(pending.blob), h('div', {}, note, bar.root)));
        replace(note, t('photos.tryingAgain'));
      }
    }
  }

  /** Says what is happening while the card waits to try again. */
  async function waiting(attempt, bar) {
    const offline = !navigator.onLine;
    const seconds = offline ? 30 : retryDelaySeconds(attempt);
    bar.set(0);
    const now = h('button', { type: 'button', class: 'button button--secondary', id: `${idPrefix}retry-now-${view}` }, t('photos.retryNow'));
    const waited = waitBeforeRetry(seconds);
    const pressed = new Promise((resolve) => now.addEventListener('click', resolve, { once: true }));
    replace(status, h('div', { class: 'verdict verdict--waiting', 'data-verdict': 'waiting', tabindex: '-1' },
      h('p', { class: 'verdict__title' }, t(offline ? 'photos.waitingOffline' : 'photos.waitingRetry', { seconds })),
      h('p', {}, t('photos.keptOnPhone')),
      now));
    await Promise.race([waited, pressed]);
  }

  function uploadFailed() {
    const retry = h('button', {
      type: 'button', class: 'button button--secondary', id: `${idPrefix}retry-${view}`,
      onclick: async () => {
        const pending = await findPending(storeKey);
        if (pending) sending = deliver(pending, false);
        else if (lastFile) send(lastFile);
      },
    }, t('photos.retry'));
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

/** Why a file cannot be sent, before anything is made of it (a text key), or null. */
function fileProblem(file) {
  // A HEIC is tried: Safari opens it. Other browsers cannot, and the card then says what to do.
  if (isHeic(file)) return null;
  if (!OPENABLE.includes(file.type)) return 'photos.wrongType';
  if (file.size < MIN_BYTES) return 'photos.tooSmall';
  return null;
}

function isHeic(file) {
  return /hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name ?? '');
}

/** A network fault, a gateway or storage moment (5xx, 429): worth trying again by itself. */
function retryable(error) {
  return error.kind === 'network' || error.reason === 'network' || error.status === 429 || error.status >= 500;
}

function fileInput(id, useCamera) {
  return h('input', { type: 'file', id, name: id, accept: ACCEPT, capture: useCamera ? 'environment' : false, class: 'visually-hidden' });
}

/** One progress bar for both steps (making the photo ready, sending it), with its words and percent. */
function progressBar(labelKey) {
  const text = h('p', { class: 'photo-progress__label' }, t(labelKey));
  const progress = h('progress', { max: '100', value: '0', 'aria-label': t(labelKey) });
  const percent = h('span', { class: 'photo-status__percent' }, '0%');
  return {
    root: h('div', {}, text, progress, percent),
    set(fraction) {
      progress.value = Math.round(fraction * 100);
      percent.textContent = `${progress.value}%`;
    },
    label(words) {
      text.textContent = words;
      progress.setAttribute('aria-label', words);
    },
  };
}

function verdictBox(kind, title, lines, ...actions) {
  return h('div', { class: `verdict verdict--${kind}`, 'data-verdict': kind, tabindex: '-1' },
    h('p', { class: 'verdict__title' }, title),
    lines.length ? h('ul', {}, lines.map((line) => h('li', {}, line))) : null,
    ...actions);
}

/** The photo being sent, shown from memory (kept in IndexedDB only until it is checked). */
function preview(file) {
  const url = URL.createObjectURL(file);
  const img = h('img', { class: 'photo-preview', src: url, alt: t('photos.previewAlt') });
  img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
  return img;
}
