// Staff sign-in (clinic admins, dermatologists): the patient portal's Identity plus Cognito's
// NEW_PASSWORD_REQUIRED challenge, which every staff account made by an admin or an invitation
// meets once (its first password is an e-mailed temporary one). The challenge's session lives in
// memory only.

import { Identity, normaliseEmail } from './identity.js';
import { portalError } from './errors.js';

export class StaffIdentity extends Identity {
  /**
   * @returns {{signedIn: true}} or {{challenge: 'NEW_PASSWORD_REQUIRED', session, email}}
   */
  async signInOrChallenge(email, password) {
    this.signOut();
    const username = normaliseEmail(email);
    const result = await this.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: this.config.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }, 'InitiateAuth:USER_PASSWORD_AUTH');
    if (result.AuthenticationResult) {
      this.store(result.AuthenticationResult, null);
      return { signedIn: true };
    }
    if (result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && result.Session) {
      return { challenge: result.ChallengeName, session: result.Session, email: username };
    }
    throw portalError('unexpected');
  }

  /** Answers the first-sign-in challenge with the person's own password; signs in. */
  async setFirstPassword({ session, email }, newPassword) {
    const result = await this.call('RespondToAuthChallenge', {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: this.config.clientId,
      Session: session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    }, 'RespondToAuthChallenge');
    if (!result.AuthenticationResult) {
      throw portalError('unexpected');
    }
    this.store(result.AuthenticationResult, null);
  }

  /** The groups of the signed-in account ([] when signed out). */
  groups() {
    const groups = this.claims()?.['cognito:groups'];
    return Array.isArray(groups) ? groups : [];
  }
}
