package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.IntakeAnswers;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up answered round (no real patient): 4 photos as links and 2 prescriptions. It warms the
 * FHIR context at SnapStart snapshot time ({@link com.dermrelay.fhir.FhirPriming}) and is the
 * benchmark's case (bench FhirBundleProbe).
 */
public final class SampleSnapshot {
  private SampleSnapshot() {}

  public static CaseSnapshot fourPhotosTwoPrescriptions() {
    List<CaseSnapshot.Photo> photos = new ArrayList<>();
    String[] views = {"close_up", "context", "oblique", "close_up"};
    for (int i = 0; i < 4; i++) {
      String id = "0000000" + i + "-1111-4222-8333-444444444444";
      photos.add(
          new CaseSnapshot.Photo(
              id,
              views[i],
              "2026-11-20T09:1" + i + ":00Z",
              1600,
              1200,
              250_000,
              CaseSnapshot.Content.link(
                  "https://dermrelay-media.s3.eu-west-1.amazonaws.com/demo-clinic/cases/c/clean/"
                      + id
                      + ".jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature="
                      + "0".repeat(64))));
    }
    IntakeAnswers intake =
        new IntakeAnswers(
            List.of(new IntakeAnswers.BodySite("face", "left")),
            "spot",
            "gradual",
            120,
            "one",
            null,
            "new",
            new IntakeAnswers.Symptoms(false, false, true, true, false),
            new IntakeAnswers.Changes("yes", "no", "no", "unsure"),
            8.5,
            "no",
            "yes",
            "no",
            "none",
            "penicillin",
            "moisturiser",
            null,
            "not-applicable",
            2,
            "A pearly spot on my cheek that bleeds when I dry my face.",
            "no",
            new IntakeAnswers.Abcde("no", "unsure", "no"),
            null,
            null,
            null,
            null,
            null,
            null);
    CaseRecord.CaseTriage triage =
        new CaseRecord.CaseTriage(
            "SOON",
            7,
            4,
            List.of(
                new CaseRecord.TriageReasonEntry("SEVEN_POINT_SIZE", "The spot has grown.", 2),
                new CaseRecord.TriageReasonEntry(
                    "SEVEN_POINT_DIAMETER", "The spot is 7 mm across or larger.", 1),
                new CaseRecord.TriageReasonEntry(
                    "SEVEN_POINT_OOZING_CRUSTING", "The spot oozes or crusts.", 1)),
            "2026-11-20T09:15:00Z");
    AnswerContent content =
        new AnswerContent(
            new AnswerContent.DiagnosisChoice("basal-cell-carcinoma", "nodular"),
            List.of("seborrhoeic-keratosis"),
            "A slow-growing skin cancer that is very treatable.",
            "Excision in clinic; protect from the sun.",
            List.of(
                new AnswerContent.Prescription(
                    "Fusidic acid", "2%", "cream", "Twice a day for 7 days", "15 g", 0),
                new AnswerContent.Prescription(
                    "Paracetamol", "500 mg", "tablet", "1-2 every 6 hours", "32 tablets", 1)),
            new AnswerContent.Referral(true, "SOON", "Excision within 4 weeks."),
            new AnswerContent.FollowUpInterval(28),
            null,
            null,
            null);
    CaseAnswer answer =
        new CaseAnswer(
            0,
            "derm-sub",
            "Dr Ada Okafor",
            "2026-11-21T14:30:00Z",
            "2026-12-19T14:30:00Z",
            content);
    Diagnosis bcc =
        new Diagnosis(
            "basal-cell-carcinoma", "C44.9", "254701007", "Basal cell carcinoma", "BCC", List.of());
    Diagnosis sk =
        new Diagnosis(
            "seborrhoeic-keratosis", "L82", null, "Seborrhoeic keratosis", "SK", List.of());
    return new CaseSnapshot(
        "demo-clinic",
        "Demo Skin Clinic",
        "2f1c6d3e-8b7a-4c5d-9e0f-1a2b3c4d5e6f",
        1,
        "patient-sub",
        "MRN-1",
        "1958-03-09",
        "female",
        "2026-11-20T09:00:00Z",
        intake,
        triage,
        photos,
        answer,
        bcc,
        List.of(sk),
        "Dr Ada Okafor");
  }
}
