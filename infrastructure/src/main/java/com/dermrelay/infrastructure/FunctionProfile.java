package com.dermrelay.infrastructure;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one handler's Lambda function gets: its memory and the access its role is granted.
 *
 * <p>A function that acts for one tenant reaches tenant data only through {@link
 * Access#TENANT_SESSION} (credentials scoped by {@link TenantScopedAccessPolicy}; the functions'
 * data layer and S3 calls use it whenever the role's ARN is in their environment), and its own role
 * keeps just the cross-tenant lookups of {@link Access#DIRECTORY_READ} (clinic by id or slug, a
 * user's memberships). Handlers without a profile here get {@link #DEFAULT}: read and write on the
 * table and the media bucket, plus the tenant session.
 *
 * @param memoryMb memory in MB; Lambda's CPU share grows with it, which mostly shortens cold starts
 * @param access what the role may do
 */
public record FunctionProfile(int memoryMb, Set<Access> access) {

  /** The kinds of access a function role can be granted. */
  public enum Access {
    /** DescribeTable, HeadBucket and ListStateMachines: what the health check asks. */
    HEALTH_PROBES,
    TABLE_READ,
    TABLE_WRITE,
    MEDIA_READ,
    MEDIA_WRITE,
    /** sts:AssumeRole and sts:TagSession on the tenant data role. */
    TENANT_SESSION,
    /**
     * On the function's own role, read-only: dynamodb:GetItem and BatchGetItem on the table (a
     * clinic's configuration, a user's memberships, by exact key) and dynamodb:Query on the two
     * directory indexes (slug to clinic, user to clinics), the lookups
     * functions.core.tenancy.TenantDirectory makes before or across tenant contexts. No Scan, no
     * Query of the table itself, no writes, no media.
     */
    DIRECTORY_READ,
    /**
     * On the function's own role: GetItem, Query and PutItem on the table's {@code USER#...}
     * partitions only (dynamodb:LeadingKeys), a person's own items such as a dermatologist's
     * licences (functions.core.data.UserTable). No other partition, no delete, no index.
     */
    USER_RECORDS,
    /** SES and SNS sends. */
    NOTIFY,
    /** s3:DeleteObject on the media bucket: the raw upload goes once checked. */
    MEDIA_DELETE,
    /**
     * s3:PutObjectTagging on the media bucket's objects: submission takes the {@code draft} tag off
     * the photos a case keeps (functions: uploads.DraftMedia), without the right to write objects.
     */
    MEDIA_TAG,
    /** states:StartExecution on the case workflow. */
    START_CASE_WORKFLOW,
    /**
     * states:SendTaskSuccess and states:SendTaskHeartbeat on the case workflow: ending or keeping
     * alive a wait with the token stored on the case (no SendTaskFailure: nothing fails a wait).
     */
    CASE_WORKFLOW_CALLBACK,
    /**
     * states:DescribeExecution on the case workflow's executions: the reconciler finds a case's
     * current execution (decision 0024).
     */
    CASE_WORKFLOW_DESCRIBE,
    /**
     * states:StartExecution on the EHR delivery workflow: one execution per answered round (issue
     * 8).
     */
    EHR_WORKFLOW_START,
    /** states:StartExecution on the research export workflow: one execution per export. */
    RESEARCH_EXPORT_START,
    /** states:StartExecution on the second-read workflow: one execution per sampled round. */
    SECOND_READ_START,
    /** states:SendTaskSuccess on the second-read workflow: a second reader's read ends its wait. */
    SECOND_READ_CALLBACK,
    /**
     * secretsmanager Get/Put/Create/DescribeSecret on {@code dermrelay/<stage>/tenants/*} only, and
     * the stage's data key for them through Secrets Manager: a clinic's FHIR endpoint credentials.
     */
    EHR_CREDENTIALS,
    /**
     * secretsmanager:GetSecretValue on the stage's EHR link key ({@code
     * dermrelay/<stage>/ehr-link-key}, {@link EhrLinkKey}) and its data key through Secrets
     * Manager: signing and checking EHR media links.
     */
    EHR_LINK_KEY,
    /** cognito-idp:ListUsers on the pool: a patient's e-mail address by subject, for notices. */
    USER_LOOKUP,
    /**
     * The Cognito user-pool admin calls onboarding and erasure make on the pool: create a user, set
     * a password, add to a group, read, update attributes, disable.
     */
    USER_ADMIN
  }

  public static final int DEFAULT_MEMORY_MB = 1024;

  /** The reconciler of stranded cases, run by a schedule in the first workflow stack. */
  public static final String RECONCILER_HANDLER =
      "com.dermrelay.review.workflow.ReconcileStrandedCasesHandler";

  public static final FunctionProfile DEFAULT =
      new FunctionProfile(
          DEFAULT_MEMORY_MB,
          EnumSet.of(
              Access.TABLE_READ,
              Access.TABLE_WRITE,
              Access.MEDIA_READ,
              Access.MEDIA_WRITE,
              Access.TENANT_SESSION));

  /**
   * An API function acting for one clinic: its items and objects through the clinic's session, the
   * directory's lookups on its own role, and {@code more} (never table or media grants).
   */
  static FunctionProfile forClinic(int memoryMb, Access... more) {
    EnumSet<Access> access = EnumSet.of(Access.TENANT_SESSION, Access.DIRECTORY_READ);
    access.addAll(List.of(more));
    return new FunctionProfile(memoryMb, access);
  }

  /** Clinic settings, memberships and the audit trail: all the clinic's items, no photos. */
  private static final FunctionProfile CLINIC_RECORDS = forClinic(768);

  /**
   * A case workflow task: reads and writes one case (and stores a task token) for one tenant, no
   * photos. Short DynamoDB work, so less memory than the default.
   */
  private static final FunctionProfile WORKFLOW_TASK =
      new FunctionProfile(
          768, EnumSet.of(Access.TABLE_READ, Access.TABLE_WRITE, Access.TENANT_SESSION));

  /** Workflow tasks that mail the clinic's admins (an SLA breach, a failure): SES only. */
  private static final FunctionProfile ALERTING_WORKFLOW_TASK =
      new FunctionProfile(
          768,
          EnumSet.of(Access.TABLE_READ, Access.TABLE_WRITE, Access.TENANT_SESSION, Access.NOTIFY));

  /** Workflow tasks that notify the patient: SES, and the pool to find the patient's address. */
  private static final FunctionProfile PATIENT_NOTIFYING_WORKFLOW_TASK =
      new FunctionProfile(
          768,
          EnumSet.of(
              Access.TABLE_READ,
              Access.TABLE_WRITE,
              Access.TENANT_SESSION,
              Access.NOTIFY,
              Access.USER_LOOKUP));

  /**
   * Per task of the case workflow, where it needs more than {@link #WORKFLOW_TASK}
   * (review.workflow, docs/workflow.md).
   */
  private static final Map<String, FunctionProfile> TASK_PROFILES =
      Map.of(
          // Ends its own wait at once when the photo checks are done (SendTaskSuccess).
          "AwaitPhotoChecks",
              new FunctionProfile(
                  768,
                  EnumSet.of(
                      Access.TABLE_READ,
                      Access.TABLE_WRITE,
                      Access.TENANT_SESSION,
                      Access.CASE_WORKFLOW_CALLBACK)),
          // Ends its own wait at once when the round's answer is already stored (a re-driven
          // execution, decision 0024).
          "QueueForReview",
              new FunctionProfile(
                  768,
                  EnumSet.of(
                      Access.TABLE_READ,
                      Access.TABLE_WRITE,
                      Access.TENANT_SESSION,
                      Access.CASE_WORKFLOW_CALLBACK)),
          "Escalate", ALERTING_WORKFLOW_TASK,
          "RecordFailure", ALERTING_WORKFLOW_TASK,
          "RequestMoreInfo", PATIENT_NOTIFYING_WORKFLOW_TASK,
          // Notifies the patient and, for a clinic with a FHIR endpoint, starts the round's EHR
          // delivery; for a sampled round, its second read.
          "DeliverAnswer",
              new FunctionProfile(
                  768,
                  EnumSet.of(
                      Access.TABLE_READ,
                      Access.TABLE_WRITE,
                      Access.TENANT_SESSION,
                      Access.NOTIFY,
                      Access.USER_LOOKUP,
                      Access.EHR_WORKFLOW_START,
                      Access.SECOND_READ_START)),
          "InviteFollowUp", PATIENT_NOTIFYING_WORKFLOW_TASK);

  /** A patient's cases: the case items and the audit trail, no photos. */
  private static final FunctionProfile CASE_RECORDS = forClinic(768);

  /**
   * The table and the user pool's admin calls: creating clinics and their first admins. Sign-up
   * stays on its own role: it acts for no clinic yet, and its rate-limit counters are per source
   * address and e-mail, not per clinic.
   */
  private static final FunctionProfile ONBOARDING =
      new FunctionProfile(
          768, EnumSet.of(Access.TABLE_READ, Access.TABLE_WRITE, Access.USER_ADMIN));

  /**
   * The FHIR handlers (issue 8), from the FHIR jar. 1024 MB each: HAPI's R4 model is heavy to
   * initialise, and the CPU share that comes with the memory shortens the snapshot's restore. Keyed
   * by the class names agreed with the functions side, whether or not the contract names them yet;
   * a class nothing deploys is never looked up.
   */
  static final Map<String, FunctionProfile> FHIR =
      Map.of(
          // getCaseFhirBundle: reads the case, appends the audit record of the download, copies
          // each
          // photo to its tagged short-lived copy and signs the Media links with the link key. Every
          // table and S3 call runs on the clinic's session (the copy reaches only its prefix).
          "com.dermrelay.fhir.api.GetCaseFhirBundleHandler", forClinic(1024, Access.EHR_LINK_KEY),
          // openEhrMediaLink (public): checks the link's token with the link key, then, on the
          // clinic's
          // session, finds the case and the copy, audits the read and presigns a five-minute GET.
          "com.dermrelay.fhir.api.OpenEhrMediaLinkHandler", forClinic(1024, Access.EHR_LINK_KEY),
          // listEhrDeliveries: the clinic's delivery records; a refused caller's audit record is
          // the write.
          "com.dermrelay.fhir.delivery.ListEhrDeliveriesHandler", forClinic(1024),
          // resendToEhr ("send again"): one synchronous attempt, so the admin sees the outcome at
          // once:
          // builds the Bundle (photo copies and links as above), reads the clinic's credentials,
          // records the outcome.
          "com.dermrelay.fhir.api.ResendToEhrHandler",
              forClinic(1024, Access.EHR_CREDENTIALS, Access.EHR_LINK_KEY),
          // putEhrCredentials: creates or replaces the clinic's secret; the configuration keeps
          // only its name.
          "com.dermrelay.fhir.delivery.PutEhrCredentialsHandler",
              forClinic(1024, Access.EHR_CREDENTIALS),
          // The EHR delivery workflow's tasks (fhir.workflow). SendToEhr builds the round's Bundle
          // (photo copies and links as above), reads the clinic's credentials and records the
          // outcome.
          "com.dermrelay.fhir.workflow.SendToEhrTaskHandler",
              new FunctionProfile(
                  1024,
                  EnumSet.of(
                      Access.TABLE_READ,
                      Access.TABLE_WRITE,
                      Access.TENANT_SESSION,
                      Access.MEDIA_READ,
                      Access.MEDIA_WRITE,
                      Access.EHR_CREDENTIALS,
                      Access.EHR_LINK_KEY)),
          // Records the failure for the clinic admin's "send again" and mails the clinic's admins.
          "com.dermrelay.fhir.workflow.RecordEhrFailureTaskHandler",
              new FunctionProfile(
                  1024,
                  EnumSet.of(
                      Access.TABLE_READ,
                      Access.TABLE_WRITE,
                      Access.TENANT_SESSION,
                      Access.NOTIFY)));

  /** Handlers that need less than the default; keyed by fully qualified class name. */
  static final Map<String, FunctionProfile> KNOWN = known();

  private static Map<String, FunctionProfile> known() {
    Map<String, FunctionProfile> known = new HashMap<>();
    known.put(
        "com.dermrelay.health.HealthHandler",
        new FunctionProfile(512, EnumSet.of(Access.HEALTH_PROBES)));
    // Answers from the verified token's claims, once the access layer has read whether a patient's
    // account was closed (one directory GetItem).
    known.put(
        "com.dermrelay.tenants.MeHandler",
        new FunctionProfile(512, EnumSet.of(Access.DIRECTORY_READ)));
    // Public, before any tenant context: one clinic's configuration through the slug index.
    known.put(
        "com.dermrelay.tenants.TenantBrandingHandler",
        new FunctionProfile(512, EnumSet.of(Access.DIRECTORY_READ)));
    // Clinic-scoped reads and writes: the membership check reads, the audit trail appends.
    known.put("com.dermrelay.tenants.GetClinicHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.GetTenantSettingsHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.UpdateTenantSettingsHandler", CLINIC_RECORDS);
    // Read the audit trail. Not read-only: the search and a refused caller each append an
    // audit record (the tenant role denies changes to it, AuditAppendOnly), and no media.
    known.put("com.dermrelay.audit.SearchAuditLogHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.audit.GetMyAccessLogHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.intake.CreateCaseHandler", CASE_RECORDS);
    known.put("com.dermrelay.intake.UpdateCaseHandler", CASE_RECORDS);
    known.put("com.dermrelay.intake.GetCaseHandler", CASE_RECORDS);
    known.put("com.dermrelay.intake.ListMyCasesHandler", CASE_RECORDS);
    known.put("com.dermrelay.patients.GetMyProfileHandler", CASE_RECORDS);
    known.put("com.dermrelay.patients.UpdateMyProfileHandler", CASE_RECORDS);
    // Submission starts the case workflow and untags the kept photos (on the clinic's session).
    known.put("com.dermrelay.intake.SubmitCaseHandler", forClinic(768, Access.START_CASE_WORKFLOW));
    // The scheduled reconciler (decision 0024): lists the clinics (directory), reads each clinic's
    // marks and queue and audits through its session, describes and re-starts executions, mails
    // the clinic's admins.
    known.put(
        RECONCILER_HANDLER,
        forClinic(512, Access.NOTIFY, Access.START_CASE_WORKFLOW, Access.CASE_WORKFLOW_DESCRIBE));
    // Presigned PUT URLs carry the signer's permission: the clinic's session, its prefix only.
    known.put("com.dermrelay.uploads.RequestPhotoUploadsHandler", CASE_RECORDS);
    // Reads the raw upload, writes the clean copy, deletes the raw one, all on the clinic's
    // session. Memory for a 50 MP decode (docs/performance.md: under 700 MB of heap) and the CPU
    // share that comes with it.
    known.put("com.dermrelay.uploads.ConfirmPhotoHandler", forClinic(1536));
    // Public sign-up: creates the clinic's items and rate-limit counters, and its first admin
    // in the pool (Cognito itself e-mails the temporary password).
    known.put("com.dermrelay.tenants.SignUpClinicHandler", ONBOARDING);
    // The user pool's pre-sign-up trigger: looks the clinic up, writes nothing, reaches no media.
    // Memory for a short cold start: Cognito gives a trigger five seconds.
    known.put(
        IdentityStack.PRE_SIGN_UP_HANDLER,
        new FunctionProfile(1024, EnumSet.of(Access.TABLE_READ)));
    // The post-confirmation trigger: looks the clinic up, records the patient's link to it, then
    // sets the patient's clinic and group (IdentityStack narrows TABLE_WRITE to PutItem and
    // USER_ADMIN to those two calls on its own pool).
    known.put(
        IdentityStack.POST_CONFIRMATION_HANDLER,
        new FunctionProfile(
            1024, EnumSet.of(Access.TABLE_READ, Access.TABLE_WRITE, Access.USER_ADMIN)));
    // Creates an account for an invitee who has none, and e-mails the link through SES.
    known.put(
        "com.dermrelay.tenants.InviteDermatologistHandler",
        forClinic(768, Access.USER_ADMIN, Access.NOTIFY));
    // Membership changes only: the table.
    known.put("com.dermrelay.tenants.AcceptInvitationHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.RemoveMemberHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.SetMedicalLeadHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.ListMembersHandler", CLINIC_RECORDS);
    // A dermatologist's own registration number on their membership (issue 18).
    known.put("com.dermrelay.tenants.GetMyRegistrationHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.tenants.SetMyRegistrationHandler", CLINIC_RECORDS);
    // A dermatologist's licences (issue 19): their own USER# partition, nothing of any clinic.
    for (String handler :
        List.of(
            "com.dermrelay.licences.ListMyLicencesHandler",
            "com.dermrelay.licences.PutMyLicenceHandler",
            "com.dermrelay.licences.DeleteMyLicenceHandler")) {
      known.put(handler, new FunctionProfile(512, EnumSet.of(Access.USER_RECORDS)));
    }
    // Answer templates (issue 21): the clinic's TEMPLATES partition and the audit trail, no media.
    for (String handler :
        List.of(
            "com.dermrelay.templates.ListAnswerTemplatesHandler",
            "com.dermrelay.templates.GetAnswerTemplateHandler",
            "com.dermrelay.templates.PutAnswerTemplateHandler",
            "com.dermrelay.templates.DeleteAnswerTemplateHandler",
            "com.dermrelay.templates.ImportStarterTemplatesHandler",
            "com.dermrelay.templates.ListMyAnswerTemplatesHandler",
            "com.dermrelay.templates.PutMyAnswerTemplateHandler")) {
      known.put(handler, CLINIC_RECORDS);
    }
    // Reads the clinic's case index and its escalation records; a refused caller's audit record
    // is the one write (as for the audit-log search), no media.
    known.put("com.dermrelay.dashboard.GetClinicDashboardHandler", CLINIC_RECORDS);
    // Reads the clinic's usage counters (issue 19): its items only, no media, no writes.
    known.put("com.dermrelay.metering.GetClinicUsageHandler", CLINIC_RECORDS);
    // Reads the clinic's quality counter items and its members' names (issue 16): no media, no
    // writes.
    known.put("com.dermrelay.quality.figures.GetClinicQualityHandler", CLINIC_RECORDS);
    // The operator console (issue 19): the list reads each listed clinic's configuration, usage
    // counters and review queue on that clinic's session; suspend, resume and a plan change write
    // the clinic's configuration item (conditional on its version), the reason and the audit
    // record. No media, no workflow.
    for (String handler :
        List.of(
            "com.dermrelay.operator.ListClinicsForOperatorHandler",
            "com.dermrelay.operator.SuspendClinicHandler",
            "com.dermrelay.operator.ResumeClinicHandler",
            "com.dermrelay.operator.SetClinicPlanHandler")) {
      known.put(handler, CLINIC_RECORDS);
    }
    // The archive goes under the clinic's prefix and is read back through a link its session
    // signs; the account section reads the pool (own role: accounts are not tenant items). In the
    // letters package because the archive holds the answer letters (dermrelay-letters.jar).
    known.put(
        "com.dermrelay.letters.ExportMyDataWithLettersHandler", forClinic(1024, Access.USER_ADMIN));
    // Overwrites and disables the account; records the request.
    known.put("com.dermrelay.datarights.RequestErasureHandler", forClinic(768, Access.USER_ADMIN));
    // The merged worklist reads each clinic's queue on that clinic's session (one session per
    // clinic of the dermatologist) and signs its thumbnail links with it.
    known.put("com.dermrelay.review.GetWorklistHandler", CLINIC_RECORDS);
    // The whole case for its review: reads the case's items and signs photo links on the
    // clinic's session; writes only the audit record of the read.
    known.put("com.dermrelay.review.GetCaseForReviewHandler", CLINIC_RECORDS);
    // A claim is a conditional write plus SendTaskHeartbeat; a release only the write.
    known.put(
        "com.dermrelay.review.ClaimCaseHandler", forClinic(768, Access.CASE_WORKFLOW_CALLBACK));
    known.put("com.dermrelay.review.ReleaseCaseHandler", CLINIC_RECORDS);
    // Second reads (issue 16): the open list and the blind case read the clinic's items (and sign
    // photo links); recording a read is a conditional write plus the second-read callback.
    known.put("com.dermrelay.review.ListSecondReadsHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.review.GetSecondReadCaseHandler", CLINIC_RECORDS);
    known.put(
        "com.dermrelay.review.SubmitSecondReadHandler",
        forClinic(768, Access.SECOND_READ_CALLBACK));
    // Flagged second reads (issue 16): the list and closing a flag read and write the clinic's
    // items; an amendment also tells the patient (their address from the user pool, then SES).
    known.put("com.dermrelay.review.ListFlaggedSecondReadsHandler", CLINIC_RECORDS);
    known.put("com.dermrelay.review.CloseSecondReadFlagHandler", CLINIC_RECORDS);
    known.put(
        "com.dermrelay.review.AmendAnswerHandler",
        forClinic(768, Access.USER_LOOKUP, Access.NOTIFY));
    // The answer side of the review loop (issue 4): the operations that end one of the
    // workflow's waits store their item, then send the callback; the readers only read (and
    // append audit records). None touches photos: reply and follow-up photos go through the
    // upload operations.
    FunctionProfile endsWait = forClinic(768, Access.CASE_WORKFLOW_CALLBACK);
    for (String handler :
        List.of(
            "com.dermrelay.review.AnswerCaseHandler",
            "com.dermrelay.followup.RequestMoreInfoHandler",
            "com.dermrelay.followup.ReplyToInfoRequestHandler",
            "com.dermrelay.followup.SubmitFollowUpHandler")) {
      known.put(handler, endsWait);
    }
    for (String handler :
        List.of(
            "com.dermrelay.review.GetAnswerHandler",
            "com.dermrelay.review.AcknowledgeAnswerHandler",
            "com.dermrelay.followup.GetInfoRequestHandler",
            "com.dermrelay.review.GetAnswerDraftHandler",
            "com.dermrelay.review.SaveAnswerDraftHandler")) {
      known.put(handler, CASE_RECORDS);
    }
    // The answer letter (issue 18): reads the case and its answer on the clinic's session, the
    // clinic's letterhead and the dermatologist's registration from the directory, and appends the
    // audit record of the download; draws the PDF in memory, no media.
    known.put("com.dermrelay.letters.GetAnswerLetterHandler", CASE_RECORDS);
    // The diagnosis list ships in the jar: no access at all.
    known.put(
        "com.dermrelay.review.SearchDiagnosesHandler",
        new FunctionProfile(512, EnumSet.noneOf(Access.class)));
    // Research (issue 17): consents, face-free marks and exports are the clinic's items; the
    // download link is signed by the clinic's session, so it reaches only its exports prefix.
    for (String handler :
        List.of(
            "com.dermrelay.research.consent.GetMyResearchConsentHandler",
            "com.dermrelay.research.consent.GiveResearchConsentHandler",
            "com.dermrelay.research.consent.WithdrawResearchConsentHandler",
            "com.dermrelay.research.marks.ListPhotoMarksHandler",
            "com.dermrelay.research.marks.SetPhotoFaceFreeHandler",
            "com.dermrelay.research.export.ListResearchExportsHandler",
            "com.dermrelay.research.export.GetResearchExportHandler",
            "com.dermrelay.research.export.DownloadResearchExportHandler")) {
      known.put(handler, CLINIC_RECORDS);
    }
    known.put(
        "com.dermrelay.research.export.StartResearchExportHandler",
        forClinic(768, Access.RESEARCH_EXPORT_START));
    // The export's steps read and write the clinic's items and its media prefix (clean photos in,
    // working files and the ZIP out) on the clinic's session only; the directory lookups on their
    // own role. Photos are decoded and encoded one batch at a time: the photo check's memory.
    for (String task : WorkflowTasks.RESEARCH_EXPORT.tasks()) {
      known.put(
          WorkflowTasks.RESEARCH_EXPORT.handlerOf(task),
          new FunctionProfile(
              "PrepareResearchPhotos".equals(task) || "PackageResearchExport".equals(task)
                  ? 1536
                  : 768,
              EnumSet.of(Access.TENANT_SESSION, Access.DIRECTORY_READ)));
    }
    // The second read's steps write the round's second-read item on the clinic's session only;
    // the comparison also mails the medical leads of an unsafe disagreement.
    for (String task : WorkflowTasks.SECOND_READ.tasks()) {
      known.put(
          WorkflowTasks.SECOND_READ.handlerOf(task),
          new FunctionProfile(
              768,
              "CompareSecondRead".equals(task)
                  ? EnumSet.of(Access.TENANT_SESSION, Access.DIRECTORY_READ, Access.NOTIFY)
                  : EnumSet.of(Access.TENANT_SESSION, Access.DIRECTORY_READ)));
    }
    for (String task : WorkflowTasks.CASE.tasks()) {
      known.put(
          WorkflowTasks.CASE.handlerOf(task), TASK_PROFILES.getOrDefault(task, WORKFLOW_TASK));
    }
    known.putAll(FHIR);
    return Map.copyOf(known);
  }

  public FunctionProfile {
    if (memoryMb < 128 || memoryMb > 10240) {
      throw new IllegalArgumentException("Lambda memory is 128-10240 MB; got " + memoryMb);
    }
    access = Set.copyOf(Objects.requireNonNull(access, "access"));
  }

  public static FunctionProfile forHandler(String handlerClass) {
    return KNOWN.getOrDefault(handlerClass, DEFAULT);
  }

  public boolean has(Access kind) {
    return access.contains(kind);
  }
}
