package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.DermoscopyFacts;
import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.IntakeAnswers;
import java.util.ArrayList;
import java.util.List;

/** Snapshots of answered rounds as a real clinic's would be, for the mapping tests. */
final class SampleSnapshots {
  static final String TENANT = "demo-clinic";
  static final String CASE_ID = "2f1c6d3e-8b7a-4c5d-9e0f-1a2b3c4d5e6f";
  static final String PATIENT = "4b0c2a7e-aaaa-4bbb-8ccc-000000000001";
  static final String DERMATOLOGIST = "9d8e7f6a-bbbb-4ccc-8ddd-000000000002";
  static final Diagnosis BCC =
      new Diagnosis(
          "basal-cell-carcinoma",
          "C44.9",
          "254701007",
          "Basal cell carcinoma",
          "Basal cell carcinoma, a common slow-growing skin cancer",
          List.of("BCC"));
  static final Diagnosis SEBORRHOEIC_KERATOSIS =
      new Diagnosis(
          "seborrhoeic-keratosis",
          "L82",
          null,
          "Seborrhoeic keratosis",
          "A harmless warty growth",
          List.of());

  private SampleSnapshots() {}

  static IntakeAnswers intake() {
    return new IntakeAnswers(
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
  }

  static CaseRecord.CaseTriage triage() {
    return new CaseRecord.CaseTriage(
        "SOON",
        7,
        4,
        List.of(
            new CaseRecord.TriageReasonEntry(
                "SEVEN_POINT_SIZE", "The spot has grown (7-point checklist: 2 points).", 2),
            new CaseRecord.TriageReasonEntry(
                "SEVEN_POINT_DIAMETER",
                "The spot is 7 mm across or larger (7-point checklist: 1 point).",
                1),
            new CaseRecord.TriageReasonEntry(
                "SEVEN_POINT_OOZING_CRUSTING",
                "The spot oozes or crusts (7-point checklist: 1 point).",
                1),
            new CaseRecord.TriageReasonEntry(
                "BLEEDING", "The spot bleeds without being injured.", 2)),
        "2026-11-20T09:15:00Z");
  }

  /** The facts of the dermoscopic photo of {@link #full}. */
  static final DermoscopyFacts DERMOSCOPY = new DermoscopyFacts(true, false, "DermLite DL5");

  /**
   * Four photos as links (the last a dermoscopic one with its facts), two prescriptions, a
   * referral, a diagnosis with a SNOMED code.
   */
  static CaseSnapshot full(BundleMedia.Mode mode) {
    List<CaseSnapshot.Photo> photos = new ArrayList<>();
    String[] views = {"close_up", "context", "oblique", "dermoscopic"};
    for (int i = 0; i < views.length; i++) {
      String photoId = "0000000" + i + "-1111-4222-8333-444444444444";
      CaseSnapshot.Content content =
          switch (mode) {
            case LINK ->
                CaseSnapshot.Content.link(
                    "https://media.example.test/"
                        + TENANT
                        + "/cases/"
                        + CASE_ID
                        + "/clean/"
                        + photoId
                        + ".jpg?X-Amz-Signature=abc"
                        + i);
            case INLINE ->
                CaseSnapshot.Content.inline(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) i});
            case OMIT -> CaseSnapshot.Content.omitted();
          };
      photos.add(
          new CaseSnapshot.Photo(
              photoId,
              views[i],
              "2026-11-20T09:1" + i + ":00Z",
              1600,
              1200,
              250_000 + i,
              content,
              "dermoscopic".equals(views[i]) ? DERMOSCOPY : null));
    }
    AnswerContent content =
        new AnswerContent(
            new AnswerContent.DiagnosisChoice("basal-cell-carcinoma", "nodular, left cheek"),
            List.of("seborrhoeic-keratosis"),
            "This looks like a basal cell carcinoma, a slow-growing skin cancer that is very treatable.",
            "Excision in the dermatology clinic; until then protect the area from the sun.",
            List.of(
                new AnswerContent.Prescription(
                    "Fusidic acid",
                    "2%",
                    "cream",
                    "Apply thinly twice a day for 7 days",
                    "15 g",
                    0),
                new AnswerContent.Prescription(
                    "Paracetamol",
                    "500 mg",
                    "tablet",
                    "1-2 tablets every 6 hours if needed",
                    "32 tablets",
                    1)),
            new AnswerContent.Referral(true, "SOON", "Excision within 4 weeks."),
            new AnswerContent.FollowUpInterval(28),
            null,
            null,
            null);
    CaseAnswer answer =
        new CaseAnswer(
            0,
            DERMATOLOGIST,
            "Dr Ada Okafor",
            "2026-11-21T14:30:00Z",
            "2026-12-19T14:30:00Z",
            content);
    return new CaseSnapshot(
        TENANT,
        "Demo Skin Clinic",
        CASE_ID,
        1,
        PATIENT,
        "MRN-000123",
        "1958-03-09",
        "female",
        "2026-11-20T09:00:00Z",
        intake(),
        triage(),
        photos,
        answer,
        BCC,
        List.of(SEBORRHOEIC_KERATOSIS),
        "Dr Ada Okafor");
  }

  /** The smallest answer: a diagnosis not on the list, no prescription, referral or follow-up. */
  static CaseSnapshot minimal() {
    AnswerContent content =
        new AnswerContent(
            new AnswerContent.DiagnosisChoice("retired-code", null),
            List.of(),
            "Nothing to worry about.",
            "No treatment needed.",
            List.of(),
            new AnswerContent.Referral(false, null, null),
            null,
            null,
            null,
            null);
    CaseAnswer answer =
        new CaseAnswer(1, DERMATOLOGIST, "Dr Ada Okafor", "2026-12-20T10:00:00Z", null, content);
    return new CaseSnapshot(
        TENANT,
        null,
        CASE_ID,
        2,
        PATIENT,
        null,
        null,
        null,
        "2026-11-20T09:00:00Z",
        intake(),
        null,
        List.of(),
        answer,
        null,
        List.of(),
        "Dr Ada Okafor");
  }
}
