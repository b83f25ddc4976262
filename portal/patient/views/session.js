// What every entry into the signed-in part shares: the account must belong to this clinic.

import { PortalError } from '/shared/errors.js';
import { t } from '/shared/i18n.js';

const STAFF_GROUPS = ['dermatologist', 'clinic_admin', 'platform_operator'];

/** Shows a flash message from the previous view, if any. */
export function showFlash(box, flash) {
  if (!flash) return;
  if (flash.kind === 'error') box.error(flash.text);
  else box.info(flash.text);
}

/**
 * After a successful sign-in: goes home if the account is a patient of this clinic, else signs
 * out again and throws an explanation. The API enforces the same rule on every call; this only
 * spares the patient a confusing page.
 */
export async function finishSignIn(app) {
  const claims = app.identity.claims() ?? {};
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const tenantId = claims['custom:tenantId'];
  if (groups.some((group) => STAFF_GROUPS.includes(group))) {
    app.identity.signOut();
    throw new PortalError('staff-account', t('account.staffAccount'));
  }
  if (tenantId && tenantId !== app.clinic.tenantId) {
    app.identity.signOut();
    throw new PortalError('other-clinic', t('account.otherClinic'));
  }
  app.pendingSignUp = null;
  app.navigate('home');
}
