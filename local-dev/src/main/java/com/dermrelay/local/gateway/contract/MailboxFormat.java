package com.dermrelay.local.gateway.contract;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * {@code format: email} as RFC 5321 writes a mailbox: a dot-atom local part of at most 64
 * characters, {@code @}, a domain of letter-digit-hyphen labels. The validator's own check also
 * wants a top-level domain from IANA's list, which refuses the names RFC 2606 reserves for examples
 * and tests ({@code .example}, {@code .test}): legal addresses, and the ones the demo accounts and
 * the tests use.
 */
final class MailboxFormat implements Format {
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern MAILBOX =
      Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

  @Override
  public String getName() {
    return "email";
  }

  @Override
  public boolean matches(ExecutionContext context, String value) {
    int at = value.lastIndexOf('@');
    return at > 0 && at <= 64 && value.length() <= 254 && MAILBOX.matcher(value).matches();
  }
}
