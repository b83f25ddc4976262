// Small pieces about the clinic that several views show.

import { h } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

/** The clinic's email and phone as links (empty when it published neither). */
export function supportContact(branding = {}) {
  const contact = [];
  if (branding.supportEmail) {
    contact.push(h('a', { href: `mailto:${branding.supportEmail}` }, branding.supportEmail));
  }
  if (branding.supportPhone) {
    if (contact.length) contact.push(` ${t('common.or')} `);
    contact.push(h('a', { href: `tel:${branding.supportPhone.replace(/[^+\d]/g, '')}` }, branding.supportPhone));
  }
  return contact;
}

/** False only when the clinic said so: branding from an older service has no flag and is open. */
export function takesNewPatients(clinic) {
  return clinic?.acceptingNewPatients !== false;
}

/** "Not taking new cases" with whom to contact instead, for the start page and the wizard. */
export function closedNotice(clinic, textKey = 'clinic.closed.text') {
  const contact = supportContact(clinic.branding ?? {});
  return h('div', { class: 'notice', role: 'note', id: 'clinic-closed' },
    h('p', {}, h('strong', {}, t('clinic.closed.title', { clinic: clinic.displayName }))),
    h('p', {}, t(textKey),
      contact.length ? [' ', t('clinic.closed.contact'), ' ', ...contact, '.'] : null));
}
