// A clinic the platform operator suspended (docs/operations.md, "Suspending a clinic"): every
// call of its patients and staff answers 403 with the problem type below. shared/api.js tells
// the page with the event below, once per refusal; each portal then shows suspendedPage in its
// own words (keys suspended.* of its dictionary). The operator's reason is never shown.

import { h } from './dom.js';
import { t } from './i18n.js';

export const CLINIC_SUSPENDED = 'urn:dermrelay:problem:clinic-suspended';
export const CLINIC_SUSPENDED_EVENT = 'dermrelay:clinic-suspended';

/** The page: the clinic by name when the portal knows it, and how to reach it. */
export function suspendedPage(clinicName, ...contact) {
  return h('section', { 'aria-labelledby': 'page-title', id: 'clinic-suspended', class: 'problem-page' },
    h('h1', { id: 'page-title', tabindex: '-1' },
      clinicName ? t('suspended.title', { clinic: clinicName }) : t('suspended.titleUnnamed')),
    h('p', { class: 'lead' }, t('suspended.safe')),
    h('p', {}, t('suspended.contact'), ...contact));
}
