package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.aws.Mailer;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.NameText;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.TenancySettings;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * A clinic admin invites a dermatologist by e-mail. The invitation is an item under the hash of a
 * random token, valid {@link #VALID_FOR}, single use; the token goes out only in the e-mailed link
 * ({@code <portal>/workbench/accept?token=...}). Someone without an account gets one first (Cognito
 * e-mails the temporary password, group {@code dermatologist}); a dermatologist of another clinic
 * keeps their account and joins one more clinic with it.
 */
public final class InviteDermatologist {
  static final Duration VALID_FOR = Duration.ofHours(72);

  /** How long a spent or lapsed invitation is kept, as evidence, before TTL deletes it. */
  private static final Duration KEPT_FOR = Duration.ofDays(30);

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final TenantTable<InvitationItem> invitations;
  private final TenantDirectory directory;
  private final CognitoAdmin cognito;
  private final Mailer mailer;
  private final AuditTrail audit;
  private final TenancySettings settings;

  @Inject
  public InviteDermatologist(
      SingleTable table,
      TenantDirectory directory,
      CognitoAdmin cognito,
      Mailer mailer,
      AuditTrail audit,
      TenancySettings settings) {
    this.invitations = table.tenantTable(InvitationItem.SCHEMA);
    this.directory = directory;
    this.cognito = cognito;
    this.mailer = mailer;
    this.audit = audit;
    this.settings = settings;
  }

  public InvitationSent run(TenantContext tenant, DermatologistInvitation invitation) {
    String email =
        invitation.email() == null ? "" : invitation.email().strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Field 'email' must be an e-mail address.");
    }
    NameText.require("/name", invitation.name());
    String name = invitation.name() == null ? "" : invitation.name().strip();
    if (name.length() > 80) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Field 'name' must be at most 80 characters.");
    }
    String clinic =
        directory
            .find(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."))
            .displayName();

    if (cognito.getUser(email).isEmpty()) {
      cognito.createUser(email, name.isEmpty() ? Map.of() : Map.of("name", name), true);
      cognito.addToGroup(email, Role.DERMATOLOGIST.group());
    }

    String token = InvitationTokens.newToken(tenant.tenantId());
    InvitationTokens.Parsed parsed = InvitationTokens.parse(token).orElseThrow();
    Instant validUntil = tenant.requestTime().plus(VALID_FOR);
    invitations.putIfAbsent(
        tenant,
        ItemKey.inTenant(parsed.sortKey()),
        new InvitationItem(
            email,
            Role.DERMATOLOGIST.group(),
            AcceptInvitation.PENDING,
            validUntil.getEpochSecond(),
            tenant.subject(),
            null,
            null,
            null,
            validUntil.plus(KEPT_FOR).getEpochSecond()));
    String link =
        settings.portalUrl()
            + "/workbench/accept?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    mailer.send(
        email,
        "You are invited to join " + clinic + " on DermRelay",
        "Hello"
            + (name.isEmpty() ? "" : " " + name)
            + ",\n\n"
            + clinic
            + " invites you to review cases as a dermatologist on DermRelay.\n\n"
            + "Sign in and accept the invitation here (valid for "
            + VALID_FOR.toHours()
            + " hours, once):\n"
            + link
            + "\n\n"
            + "If you have no DermRelay account yet, a separate e-mail brings your temporary"
            + " password.\nIf you did not expect this invitation, ignore this message.\n");
    String invitationId = parsed.hash().substring(0, 16);
    audit.wrote(tenant, "member.invite", AuditResource.of("invitation", invitationId));
    return new InvitationSent(invitationId, email, validUntil.toString());
  }
}
