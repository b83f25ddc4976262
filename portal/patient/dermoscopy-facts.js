// How a dermoscopic photo is taken, asked beside its card: polarised light or not, touching the skin
// or not, and the dermatoscope's name. Each may be left at "I don't know": the dermatologist reads
// the photo either way, and a guess would be worse than nothing.

import { h } from '/shared/dom.js';
import { field } from '/shared/forms.js';
import { t } from '/shared/i18n.js';

const DEVICE_MAX = 80;

/** @returns {{root, value(): object|null}} the facts as the API takes them, null when none is known */
export function dermoscopyFacts(idPrefix = '') {
  const choice = (name) => field({
    label: t(`dermoscopy.${name}`), name: `${idPrefix}dermoscopy-${name}`, tag: 'select',
    options: [
      h('option', { value: '' }, t('dermoscopy.unknown')),
      h('option', { value: 'true' }, t(`dermoscopy.${name}.yes`)),
      h('option', { value: 'false' }, t(`dermoscopy.${name}.no`)),
    ],
  });
  const polarised = choice('polarised');
  const contact = choice('contact');
  const device = field({ label: t('dermoscopy.device'), hint: t('dermoscopy.deviceHint'),
    name: `${idPrefix}dermoscopy-device`, maxlength: DEVICE_MAX,
    autocomplete: 'off' });
  const root = h('fieldset', { class: 'dermoscopy-facts' },
    h('legend', {}, t('dermoscopy.legend')), polarised.root, contact.root, device.root);
  const yesNo = (select) => (select.input.value === '' ? undefined : select.input.value === 'true');
  return {
    root,
    value() {
      const facts = { polarised: yesNo(polarised), contact: yesNo(contact) };
      const name = device.input.value.trim();
      if (name) facts.device = name;
      const known = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
      return Object.keys(known).length ? known : null;
    },
  };
}
