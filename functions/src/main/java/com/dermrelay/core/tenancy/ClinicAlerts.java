package com.dermrelay.core.tenancy;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.aws.Mailer;
import com.dermrelay.core.data.StoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a clinic's active admins about a case that needs them (an SLA breach, a case left
 * untouched, a failed workflow). The case is named by its id and a link to the workbench; no health
 * detail goes into the message.
 */
public final class ClinicAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(ClinicAlerts.class);

  private final ClinicMembers members;
  private final Mailer mailer;
  private final TenancySettings settings;

  @Inject
  public ClinicAlerts(ClinicMembers members, Mailer mailer, TenancySettings settings) {
    this.members = members;
    this.mailer = mailer;
    this.settings = settings;
  }

  /** Sends the alert to every active clinic admin; returns how many were mailed. */
  public int send(TenantContext tenant, String caseId, String subject, String text) {
    // The workbench routes cases in the fragment: a static page, nothing about the case sent.
    String link = settings.portalUrl() + "/workbench/#case/" + tenant.tenantId() + "/" + caseId;
    return sendWithLink(tenant, subject, text + "\n\nCase " + caseId + ":", link);
  }

  /**
   * Sends the alert about a case to the clinic's medical leads (active members flagged {@link
   * MembershipItem#isMedicalLead}), or to its admins when it has none; returns how many were
   * mailed. The link opens {@code route} in the workbench.
   */
  public int sendToMedicalLeads(
      TenantContext tenant, String caseId, String route, String subject, String text) {
    // A workbench route in the fragment (e.g. flagged/<tenant>/<case>/<round>): ids only.
    String link = settings.portalUrl() + "/workbench/#" + route;
    List<String> leads = addresses(tenant, (item, member) -> item.isMedicalLead());
    if (leads.isEmpty()) {
      return send(tenant, caseId, subject, text);
    }
    for (String lead : leads) {
      mailer.send(lead, subject, "Hello,\n\n" + text + "\n\nCase " + caseId + ":\n" + link + "\n");
    }
    return leads.size();
  }

  /** Sends {@code text} and then {@code link} to every active clinic admin; returns how many. */
  public int sendWithLink(TenantContext tenant, String subject, String text, String link) {
    List<String> admins =
        addresses(tenant, (item, member) -> Role.CLINIC_ADMIN.group().equals(member.role()));
    if (admins.isEmpty()) {
      LOG.warn("clinic alert not sent: the clinic has no active admin with an address");
    }
    for (String admin : admins) {
      mailer.send(admin, subject, "Hello,\n\n" + text + "\n" + link + "\n");
    }
    return admins.size();
  }

  private List<String> addresses(
      TenantContext tenant, BiPredicate<MembershipItem, Membership> which) {
    List<String> addresses = new ArrayList<>();
    for (StoredItem<MembershipItem> item : members.all(tenant)) {
      Membership member = TenantDirectory.membership(item);
      if (member.active() && which.test(item.record(), member) && !member.email().isBlank()) {
        addresses.add(member.email());
      }
    }
    return addresses;
  }
}
