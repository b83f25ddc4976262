package com.dermrelay.local.identity;

/**
 * Where the pool sends what Cognito would e-mail: sign-up confirmation codes and admin invitations
 * with a temporary password. The local stack connects this to its outbox; tests can collect the
 * messages or read {@link IdentityService#lastConfirmationCode(String)}.
 */
@FunctionalInterface
public interface CodeDelivery {

  void deliver(Message message);

  /** Delivers nowhere: for a pool whose codes are only read through the Java API. */
  CodeDelivery NONE = message -> {};

  enum Purpose {
    /** A 6-digit code for ConfirmSignUp (sign-up or ResendConfirmationCode). */
    SIGN_UP_CONFIRMATION,
    /** AdminCreateUser's invitation: {@code secret} is the temporary password. */
    ADMIN_INVITATION
  }

  /**
   * One message to a user. {@code secret} is the code or the temporary password: whoever receives
   * it must not log it.
   */
  record Message(Purpose purpose, String username, String email, String secret) {
    @Override
    public String toString() {
      return "Message[" + purpose + " for " + username + "]";
    }
  }
}
