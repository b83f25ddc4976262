package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.aws.Mailer;
import com.dermrelay.core.tenancy.TenancySettings;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a patient, through the outbox (SES), that their clinic has something for them: a question,
 * an answer, a follow-up invitation. The message names the clinic and links to the sign-in page;
 * never a health detail, never a case id (the mailbox is outside our control). The address is read
 * from the identity service: the table holds no patient contact data.
 */
public final class PatientNotices {
  private static final Logger LOG = LoggerFactory.getLogger(PatientNotices.class);

  /** What the clinic has for the patient. */
  public enum Notice {
    QUESTION(
        "Your clinic has a question for you",
        "has a question about the case you sent. Please sign in to read it and reply."),
    ANSWER(
        "Your clinic has answered",
        "has answered the case you sent. Please sign in to read the answer."),
    AMENDED(
        "Your dermatologist has updated their answer",
        "has updated the answer to the case you sent. Please sign in to read it."),
    FOLLOW_UP(
        "Time for your follow-up",
        "asked to see how things are going. Please sign in to send your follow-up photos.");

    final String subject;
    final String body;

    Notice(String subject, String body) {
      this.subject = subject;
      this.body = body;
    }
  }

  private final CognitoAdmin identity;
  private final Mailer mailer;
  private final TenancySettings settings;
  private final ClinicPolicy clinics;

  @Inject
  public PatientNotices(
      CognitoAdmin identity, Mailer mailer, TenancySettings settings, ClinicPolicy clinics) {
    this.identity = identity;
    this.mailer = mailer;
    this.settings = settings;
    this.clinics = clinics;
  }

  /** Sends the notice; false when the patient has no address any more (an erased account). */
  public boolean send(TenantContext tenant, String patientSubject, Notice notice) {
    Optional<String> email = identity.emailOf(patientSubject);
    if (email.isEmpty()) {
      LOG.warn("patient notice not sent: the account has no e-mail address");
      return false;
    }
    String clinic = clinics.displayName(tenant);
    String link = settings.portalUrl() + "/c/" + clinics.slug(tenant) + "/";
    mailer.send(
        email.get(),
        notice.subject + " - " + clinic,
        "Hello,\n\n"
            + clinic
            + " "
            + notice.body
            + "\n\n"
            + link
            + "\n\n"
            + "For your privacy this message contains no medical details.\n");
    return true;
  }
}
