package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.research.deid.Pseudonyms;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * A clinic admin starts a research export: the record (RUNNING, with a new pseudonym key) and one
 * execution of the research export workflow named after it. The Idempotency-Key names the export,
 * so a retried request finds the same one (and starts its execution if the first attempt could
 * not); the same key with another request is a 409. The key is answered here, once. Audited ({@code
 * research.export.start}).
 */
public final class StartResearchExport {
  private static final Logger LOG = LoggerFactory.getLogger(StartResearchExport.class);
  private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  public static final int DEFAULT_K = 5;
  public static final int MIN_K = 2;
  public static final int MAX_K = 100;

  private final ResearchExports exports;
  private final SfnClient stepFunctions;
  private final ResearchSettings settings;
  private final AuditTrail audit;

  @Inject
  public StartResearchExport(
      ResearchExports exports,
      SfnClient stepFunctions,
      ResearchSettings settings,
      AuditTrail audit) {
    this.exports = exports;
    this.stepFunctions = stepFunctions;
    this.settings = settings;
    this.audit = audit;
  }

  /** startResearchExport's body. */
  public record Request(String from, String to, Integer k, Boolean keepKey) {}

  public ResearchExportView run(TenantContext tenant, String idempotencyKey, Request body) {
    ResearchExport.Request request = valid(body);
    String exportId =
        UUID.nameUUIDFromBytes(
                (tenant.tenantId() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
            .toString();
    String fingerprint =
        request.from() + "|" + request.to() + "|" + request.k() + "|" + request.keepKey();
    ResearchExport created =
        new ResearchExport(
            exportId,
            fingerprint,
            request,
            ResearchExport.RUNNING,
            ResearchExport.SELECTING,
            tenant.requestTime().toString(),
            tenant.subject(),
            tenant.actorName(),
            null,
            Pseudonyms.newKey(),
            null,
            null,
            null,
            null,
            null);
    ResearchExport export = created;
    if (!exports.create(tenant, created)) {
      export = exports.find(tenant, exportId).orElseThrow().export();
      if (!export.requestFingerprint().equals(fingerprint)) {
        throw new ApiProblem(
            409,
            ProblemTypes.CONFLICT,
            "Conflict",
            "This Idempotency-Key started another export; use a new key for a new export.");
      }
    } else {
      audit.wrote(tenant, "research.export.start", AuditResource.of("research-export", exportId));
    }
    if (export.running()) {
      start(tenant, exportId);
    }
    return ResearchExportView.of(export).withKey(export.pseudonymKey());
  }

  private void start(TenantContext tenant, String exportId) {
    String input = "{\"tenantId\":\"" + tenant.tenantId() + "\",\"exportId\":\"" + exportId + "\"}";
    try {
      stepFunctions.startExecution(
          r -> r.stateMachineArn(settings.workflowArn()).name("research-" + exportId).input(input));
    } catch (ExecutionAlreadyExistsException e) {
      LOG.info("research export execution already started");
    }
  }

  private static ResearchExport.Request valid(Request body) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    LocalDate from = date(body.from(), "/from", errors);
    LocalDate to = date(body.to(), "/to", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new ApiProblem.FieldError("/to", "must not be before 'from'"));
    }
    int k = body.k() == null ? DEFAULT_K : body.k();
    if (k < MIN_K || k > MAX_K) {
      errors.add(new ApiProblem.FieldError("/k", "must be " + MIN_K + " to " + MAX_K));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Some fields are invalid: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
    return new ResearchExport.Request(
        from.toString(), to.toString(), k, Boolean.TRUE.equals(body.keepKey()));
  }

  private static LocalDate date(String text, String pointer, List<ApiProblem.FieldError> errors) {
    if (text == null) {
      errors.add(new ApiProblem.FieldError(pointer, "required"));
      return null;
    }
    try {
      if (DATE.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // falls through to the error below
    }
    errors.add(new ApiProblem.FieldError(pointer, "must be a date, yyyy-mm-dd"));
    return null;
  }
}
