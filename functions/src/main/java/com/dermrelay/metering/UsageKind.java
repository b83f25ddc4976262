package com.dermrelay.metering;

/**
 * What a clinic is metered for, per calendar month (UTC). Each kind is recorded with a reference
 * that names the one event it counts (ids only, never health data), so a retried step finds its own
 * record and counts nothing ({@link UsageMeter}). The reference each kind takes, and where it is
 * recorded:
 *
 * <table>
 *   <caption>Usage kinds</caption>
 *   <tr><th>kind</th><th>reference</th><th>recorded by</th></tr>
 *   <tr><td>CASE_SUBMITTED</td><td>case id</td><td>intake.SubmitCase</td></tr>
 *   <tr><td>PHOTO_STORED (+ bytes)</td><td>case id / photo id</td><td>uploads.ConfirmPhoto,
 *       once the clean copy and thumbnail are stored</td></tr>
 *   <tr><td>ANSWER_DELIVERED</td><td>case id / answer round</td>
 *       <td>review.workflow.DeliverAnswer</td></tr>
 *   <tr><td>EHR_DELIVERY</td><td>case id / answer round</td><td>fhir.delivery.SendToEhr, when
 *       the EHR accepted the round</td></tr>
 *   <tr><td>SECOND_READ</td><td>case id / answer round</td><td>quality.CompareSecondRead,
 *       when the second reader's read is compared with the first answer</td></tr>
 *   <tr><td>RESEARCH_EXPORT (+ bytes)</td><td>export id</td>
 *       <td>research.export.PackageResearchExport, once the archive is written</td></tr>
 * </table>
 */
public enum UsageKind {
  CASE_SUBMITTED("casesSubmitted"),
  PHOTO_STORED("photosStored"),
  ANSWER_DELIVERED("answersDelivered"),
  EHR_DELIVERY("ehrDeliveries"),
  SECOND_READ("secondReads"),
  RESEARCH_EXPORT("researchExports");

  private final String counter;

  UsageKind(String counter) {
    this.counter = counter;
  }

  /** The month item's counter attribute, also the name the API and the CSV use. */
  public String counter() {
    return counter;
  }

  /** The counter of the bytes recorded with this kind (photos, exports). */
  public String bytesCounter() {
    return counter + "Bytes";
  }
}
