package com.dermrelay.core.wiring;

import com.dermrelay.audit.GetMyAccessLog;
import com.dermrelay.audit.SearchAuditLog;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.aws.AwsClientsModule;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.aws.Mailer;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.ApiHandlerSupport;
import com.dermrelay.core.http.ApiResponses;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.datarights.DataRightsModule;
import com.dermrelay.datarights.ExportMyData;
import com.dermrelay.datarights.RequestErasure;
import com.dermrelay.followup.GetInfoRequest;
import com.dermrelay.followup.ReplyToInfoRequest;
import com.dermrelay.followup.RequestMoreInfo;
import com.dermrelay.followup.SubmitFollowUp;
import com.dermrelay.health.CheckHealth;
import com.dermrelay.intake.CreateCase;
import com.dermrelay.intake.GetCase;
import com.dermrelay.intake.ListMyCases;
import com.dermrelay.intake.SubmitCase;
import com.dermrelay.intake.UpdateCase;
import com.dermrelay.patients.GetMyProfile;
import com.dermrelay.patients.UpdateMyProfile;
import com.dermrelay.review.AnswerCase;
import com.dermrelay.review.AnswerDrafts;
import com.dermrelay.review.ClaimCase;
import com.dermrelay.review.GetAnswer;
import com.dermrelay.review.GetCaseForReview;
import com.dermrelay.review.GetWorklist;
import com.dermrelay.review.ReleaseCase;
import com.dermrelay.review.SearchDiagnoses;
import com.dermrelay.review.workflow.WorkflowSteps;
import com.dermrelay.templates.AnswerTemplates;
import com.dermrelay.templates.StarterTemplates;
import com.dermrelay.tenants.AcceptInvitation;
import com.dermrelay.tenants.GetClinic;
import com.dermrelay.tenants.GetTenantBranding;
import com.dermrelay.tenants.GetTenantSettings;
import com.dermrelay.tenants.InviteDermatologist;
import com.dermrelay.tenants.ListMembers;
import com.dermrelay.tenants.PatientEnrolment;
import com.dermrelay.tenants.PatientSignUpGuard;
import com.dermrelay.tenants.PublicClinicSignUp;
import com.dermrelay.tenants.RemoveMember;
import com.dermrelay.tenants.UpdateTenantSettings;
import com.dermrelay.uploads.ConfirmPhoto;
import com.dermrelay.uploads.RequestPhotoUploads;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Everything the handlers use, built by Dagger through constructors at compile time. One component
 * per container: SDK clients and the JSON mapper are built once, on first use.
 */
@Singleton
@Component(
    modules = {
      AwsClientsModule.class,
      JsonModule.class,
      TenancyModule.class,
      MediaModule.class,
      DataRightsModule.class
    })
public interface FunctionsComponent {
  ApiResponses apiResponses();

  ApiHandlerSupport apiHandlerSupport();

  RequestBodies requestBodies();

  /** The SnapStart priming hook; {@link Functions} registers it with CRaC once per component. */
  SnapStartPriming snapStartPriming();

  CheckHealth checkHealth();

  GetTenantBranding getTenantBranding();

  GetClinic getClinic();

  GetTenantSettings getTenantSettings();

  UpdateTenantSettings updateTenantSettings();

  SearchAuditLog searchAuditLog();

  GetMyAccessLog getMyAccessLog();

  CreateCase createCase();

  UpdateCase updateCase();

  GetCase getCase();

  ListMyCases listMyCases();

  SubmitCase submitCase();

  RequestPhotoUploads requestPhotoUploads();

  ConfirmPhoto confirmPhoto();

  GetMyProfile getMyProfile();

  UpdateMyProfile updateMyProfile();

  SearchDiagnoses searchDiagnoses();

  AnswerCase answerCase();

  com.dermrelay.review.ListSecondReads listSecondReads();

  com.dermrelay.review.GetSecondReadCase getSecondReadCase();

  com.dermrelay.review.SubmitSecondRead submitSecondRead();

  com.dermrelay.review.ListFlaggedSecondReads listFlaggedSecondReads();

  com.dermrelay.review.AmendAnswer amendAnswer();

  com.dermrelay.review.CloseSecondReadFlag closeSecondReadFlag();

  AnswerDrafts answerDrafts();

  AnswerTemplates answerTemplates();

  StarterTemplates starterTemplates();

  RequestMoreInfo requestMoreInfo();

  GetInfoRequest getInfoRequest();

  ReplyToInfoRequest replyToInfoRequest();

  GetAnswer getAnswer();

  SubmitFollowUp submitFollowUp();

  Clock clock();

  CognitoAdmin cognitoAdmin();

  Mailer mailer();

  PublicClinicSignUp publicClinicSignUp();

  PatientSignUpGuard patientSignUpGuard();

  /** The post-confirmation trigger's use case (tenants.PostConfirmationTriggerHandler). */
  PatientEnrolment patientEnrolment();

  InviteDermatologist inviteDermatologist();

  AcceptInvitation acceptInvitation();

  ListMembers listMembers();

  com.dermrelay.dashboard.GetClinicDashboard getClinicDashboard();

  com.dermrelay.metering.GetClinicUsage getClinicUsage();

  com.dermrelay.quality.figures.GetClinicQuality getClinicQuality();

  com.dermrelay.operator.ListClinicsForOperator listClinicsForOperator();

  com.dermrelay.operator.ClinicSuspension clinicSuspension();

  com.dermrelay.operator.SetClinicPlan setClinicPlan();

  RemoveMember removeMember();

  com.dermrelay.tenants.SetMedicalLead setMedicalLead();

  ExportMyData exportMyData();

  /** get/setMyRegistration: a dermatologist's registration number, printed on answer letters. */
  com.dermrelay.tenants.SetMyRegistration setMyRegistration();

  RequestErasure requestErasure();

  /** list/put/deleteMyLicence: a dermatologist's own licences to practise (issue 19). */
  com.dermrelay.licences.MyLicences myLicences();

  InternalAccess internalAccess();

  /** The case workflow's task steps (review.workflow handlers). */
  WorkflowSteps workflowSteps();

  /** The scheduled reconciler of stranded cases (decision 0024). */
  com.dermrelay.review.workflow.ReconcileStrandedCases reconcileStrandedCases();

  GetWorklist getWorklist();

  GetCaseForReview getCaseForReview();

  ClaimCase claimCase();

  ReleaseCase releaseCase();

  /** EHR delivery (fhir.delivery, fhir.workflow, fhir.api handlers). */
  com.dermrelay.fhir.delivery.EhrDeliveryUseCases ehrDelivery();

  /** Research consent, face-free marks and research exports (research.* handlers). */
  com.dermrelay.research.ResearchUseCases research();

  /** The quality programme's second reads (quality.workflow handlers). */
  com.dermrelay.quality.QualityUseCases quality();

  @Component.Factory
  interface Factory {
    FunctionsComponent create(@BindsInstance Settings settings);
  }
}
