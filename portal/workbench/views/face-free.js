// The "face-free" mark on the photo shown in the current viewer (issue 17): a dermatologist's
// statement that the photo shows no face, nor anything comparable, so a research export may include
// it. Overview photos and photos of the head or neck stay out of every export without it. Only a
// person can tell; nothing here guesses.

import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { asPortalError } from '/shared/errors.js';
import { t } from '/shared/i18n.js';

/** @returns {{root, show(photo)}} the control; `show` follows the photo chosen in the viewer. */
export function faceFreeMark(app, exchangePath) {
  const marks = new Map();
  let loaded = null;
  let photo = null;
  const box = h('input', { type: 'checkbox', id: 'face-free', disabled: true });
  const status = h('span', { class: 'hint', id: 'face-free-status', 'aria-live': 'polite' });
  const root = h('div', { class: 'face-free', id: 'face-free-mark' },
    box, h('label', { for: 'face-free' }, t('faceFree.label')), ' ', status);

  const draw = () => {
    box.disabled = !photo;
    box.checked = Boolean(photo && marks.get(photo.photoId)?.faceFree);
    const mark = photo && marks.get(photo.photoId);
    status.textContent = mark?.faceFree ? t('faceFree.markedBy', { name: mark.markedByName ?? '' }) : '';
  };

  box.addEventListener('change', async () => {
    const target = photo;
    const wanted = box.checked;
    box.disabled = true;
    try {
      const mark = await api(`${exchangePath}/photos/${encodeURIComponent(target.photoId)}/face-free`,
        { method: 'PUT', identity: app.identity, body: { faceFree: wanted } });
      marks.set(target.photoId, mark);
      status.textContent = wanted ? t('faceFree.saved') : t('faceFree.removed');
    } catch (caught) {
      box.checked = !wanted;
      status.textContent = asPortalError(caught).message;
    } finally {
      box.disabled = !photo;
    }
  });

  async function load() {
    try {
      const found = await api(`${exchangePath}/photo-marks`, { identity: app.identity });
      for (const mark of found.marks) marks.set(mark.photoId, mark);
    } catch (caught) {
      // Without the marks the control stays unchecked; a change still says what failed.
    }
  }

  return {
    root,
    async show(next) {
      photo = next;
      loaded ??= load();
      await loaded;
      if (photo === next) draw();
    },
  };
}
