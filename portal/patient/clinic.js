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
