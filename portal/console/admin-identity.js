// The clinic admin's identity: staff sign-in (with the first-sign-in password challenge, in
// shared/staff-identity.js) and the clinic the admin runs.

import { StaffIdentity } from '/shared/staff-identity.js';

export const CLINIC_ADMIN = 'clinic_admin';

export class AdminIdentity extends StaffIdentity {
  isClinicAdmin() {
    return this.groups().includes(CLINIC_ADMIN);
  }

  /** The clinic this admin runs, from the token (the API checks it on every call). */
  tenantId() {
    const tenantId = this.claims()?.['custom:tenantId'];
    return typeof tenantId === 'string' ? tenantId : null;
  }
}
