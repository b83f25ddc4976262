// Sign-up, confirmation, sign-in, refresh and sign-out through the Cognito user-pool API (the
// local issuer speaks the same JSON). Tokens live in sessionStorage only: they go when the tab
// closes, and nothing about the patient's health is ever stored here.

import { PortalError, identityErrorKind, portalError } from './errors.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** Refresh this long before the ID token expires, so an API call never carries a stale one. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Emails are usernames; one spelling per person. */
export function normaliseEmail(email) {
  return String(email ?? '').trim().toLowerCase();
}

/** ClientMetadata for the pool's sign-up triggers: strings only, nothing about health. */
function signUpMetadata(tenantId, name) {
  const metadata = {};
  if (tenantId) metadata.tenantId = String(tenantId);
  if (name && String(name).trim()) metadata.name = String(name).trim();
  return metadata;
}

export class Identity {
  /**
   * @param config {identityUrl, clientId} from config.js
   * @param scope keeps sessions apart per clinic, e.g. the tenant id
   */
  constructor(config, scope, env = {}) {
    this.config = config;
    this.storageKey = `dermrelay.session.${scope}`;
    this.storage = env.storage ?? window.sessionStorage;
    this.fetch = env.fetch ?? window.fetch.bind(window);
    this.now = env.now ?? (() => Date.now());
    this.listeners = new Set();
    this.refreshTimer = null;
    this.refreshing = null;
    this.scheduleRefresh();
  }

  /** Called with no argument when the session ends by itself (refresh refused). */
  onSessionEnded(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The app client may write only the e-mail: the clinic and the name go in ClientMetadata, which
   * the pool's triggers check (pre sign-up) and turn into attributes (post confirmation).
   */
  async signUp({ name, email, password, tenantId }) {
    const username = normaliseEmail(email);
    const result = await this.call('SignUp', {
      ClientId: this.config.clientId,
      Username: username,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: username }],
      ClientMetadata: signUpMetadata(tenantId, name),
    });
    return { confirmed: Boolean(result.UserConfirmed), destination: result.CodeDeliveryDetails?.Destination ?? null };
  }

  /** The clinic (and the name, when still known) again: Cognito keeps no metadata between calls. */
  async confirmSignUp(email, code, { tenantId, name } = {}) {
    await this.call('ConfirmSignUp', {
      ClientId: this.config.clientId,
      Username: normaliseEmail(email),
      ConfirmationCode: String(code).replace(/\s+/g, ''),
      ClientMetadata: signUpMetadata(tenantId, name),
    });
  }

  async resendConfirmationCode(email) {
    const result = await this.call('ResendConfirmationCode', {
      ClientId: this.config.clientId,
      Username: normaliseEmail(email),
    });
    return { destination: result.CodeDeliveryDetails?.Destination ?? null };
  }

  /** @returns the signed-in session's claims */
  async signIn(email, password) {
    this.signOut();
    const result = await this.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: this.config.clientId,
      AuthParameters: { USERNAME: normaliseEmail(email), PASSWORD: password },
    }, 'InitiateAuth:USER_PASSWORD_AUTH');
    if (!result.AuthenticationResult) {
      // A challenge (e.g. a new password for an admin-created account) is not a patient's path.
      throw portalError('unexpected');
    }
    this.store(result.AuthenticationResult, null);
    return this.claims();
  }

  /** The current ID token's claims, or null when signed out. */
  claims() {
    const session = this.read();
    return session ? decodeClaims(session.idToken) : null;
  }

  isSignedIn() {
    return this.read() !== null;
  }

  /** An ID token good for a while yet, refreshed first if it is close to expiry. */
  async idToken() {
    const session = this.read();
    if (!session) {
      throw portalError('session-expired');
    }
    if (session.expiresAt - this.now() > REFRESH_MARGIN_MS) {
      return session.idToken;
    }
    await this.refresh();
    return this.read().idToken;
  }

  /** One refresh at a time; a refused refresh ends the session. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  async doRefresh() {
    const session = this.read();
    if (!session) {
      throw portalError('session-expired');
    }
    try {
      const result = await this.call('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: this.config.clientId,
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      }, 'InitiateAuth:REFRESH_TOKEN_AUTH');
      // Cognito sends no new refresh token on refresh: keep the one we have.
      this.store(result.AuthenticationResult, session.refreshToken);
    } catch (error) {
      if (error instanceof PortalError && error.kind === 'session-expired') {
        this.endSession();
      }
      throw error;
    }
  }

  /** Forgets every token of this clinic's session. */
  signOut() {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.storage.removeItem(this.storageKey);
  }

  endSession() {
    this.signOut();
    for (const listener of this.listeners) listener();
  }

  store(result, previousRefreshToken) {
    const session = {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken ?? previousRefreshToken,
      expiresAt: this.now() + Number(result.ExpiresIn ?? 3600) * 1000,
    };
    this.storage.setItem(this.storageKey, JSON.stringify(session));
    this.scheduleRefresh();
  }

  read() {
    const raw = this.storage.getItem(this.storageKey);
    if (!raw) return null;
    try {
      const session = JSON.parse(raw);
      return session.idToken && session.refreshToken ? session : null;
    } catch (e) {
      this.storage.removeItem(this.storageKey);
      return null;
    }
  }

  scheduleRefresh() {
    clearTimeout(this.refreshTimer);
    const session = this.read();
    if (!session) return;
    const delay = Math.max(0, session.expiresAt - this.now() - REFRESH_MARGIN_MS);
    // Offline at that moment: idToken() tries again when the next call needs a token.
    this.refreshTimer = setTimeout(() => this.refresh().catch(() => {}), delay);
  }

  /** One Cognito operation; a refusal becomes a PortalError of the matching kind. */
  async call(operation, body, errorContext = operation) {
    let response;
    try {
      response = await this.fetch(this.config.identityUrl + '/', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': TARGET_PREFIX + operation,
        },
        body: JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      throw portalError('network');
    }
    const payload = await response.json().catch(() => ({}));
    if (response.ok) {
      return payload;
    }
    const type = String(payload.__type ?? response.headers.get('x-amzn-errortype') ?? '')
      .split('#').pop().split(':')[0];
    throw portalError(identityErrorKind(errorContext, type, String(payload.message ?? '')));
  }
}

/**
 * The payload of a JWT, for display only (the name to greet, the clinic): the API verifies the
 * signature on every call, the browser has no reason to.
 */
export function decodeClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return {};
  }
}
