// A dermoscopic photo shown apart, beside the clinical close-up of the same round: the dermatologist
// reads the structures under the lens against the lesion's shape and colour, as at the clinic, and
// sees how the dermoscopic photo was taken (polarised or not, contact or not, the device).

import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';
import { photoViewer } from './photo-viewer.js';

/** The pair for this round's photos, or null when the round has no dermoscopic photo. */
export function dermoscopyPair(photos) {
  const dermoscopic = photos.find((p) => p.view === 'dermoscopic');
  if (!dermoscopic) return null;
  const closeUp = photos.find((p) => p.view === 'close_up');
  const clinical = photoViewer({ id: 'viewer-pair-clinical', label: t('dermoscopy.clinicalViewer') });
  const lens = photoViewer({ id: 'viewer-pair-dermoscopic', label: t('dermoscopy.viewer') });
  if (closeUp) clinical.show(closeUp, { alt: t('dermoscopy.clinicalAlt'), captionNodes: [h('strong', {}, t('photoView.close_up'))] });
  else clinical.clear(t('dermoscopy.noCloseUp'));
  lens.show(dermoscopic, { alt: t('dermoscopy.alt'), captionNodes: [h('strong', {}, t('photoView.dermoscopic'))] });
  return h('section', { class: 'dermoscopy-pair', id: 'dermoscopy-pair', 'aria-labelledby': 'dermoscopy-pair-title' },
    h('h3', { id: 'dermoscopy-pair-title' }, t('dermoscopy.title')),
    h('div', { class: 'viewers' },
      h('div', { class: 'viewer-column', 'data-view': 'close_up' }, clinical.root),
      h('div', { class: 'viewer-column', 'data-view': 'dermoscopic' }, lens.root, factsList(dermoscopic.dermoscopy))));
}

/** What is known of how it was taken; "not given" for what the sender left out. */
function factsList(facts = {}) {
  const yesNo = (value, name) => (value === undefined || value === null
    ? t('dermoscopy.notGiven') : t(`dermoscopy.${name}.${value ? 'yes' : 'no'}`));
  const row = (name, value) => [h('dt', {}, t(`dermoscopy.${name}`)), h('dd', { 'data-fact': name }, value)];
  return h('dl', { class: 'dermoscopy-facts', id: 'dermoscopy-facts' },
    row('polarised', yesNo(facts.polarised, 'polarised')),
    row('contact', yesNo(facts.contact, 'contact')),
    row('device', facts.device ?? t('dermoscopy.notGiven')));
}
