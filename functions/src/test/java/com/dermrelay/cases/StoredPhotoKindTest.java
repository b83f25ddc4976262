package com.dermrelay.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A case stored before the dermoscopic kind was renamed still reads within the contract. */
class StoredPhotoKindTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aPhotoStoredAsDermoscopyReadsAsDermoscopic() throws Exception {
    CaseRecord.PhotoRecord photo =
        json.readValue(
            "{\"photoId\":\"p1\",\"view\":\"dermoscopy\",\"status\":\"CHECKED\",\"sizeBytes\":1000}",
            CaseRecord.PhotoRecord.class);

    assertEquals("dermoscopic", photo.view());
    assertEquals("dermoscopic", PhotoViews.name(PhotoViews.parse(photo.view()).orElseThrow()));
  }

  @Test
  void otherKindsReadAsStored() throws Exception {
    CaseRecord.PhotoRecord photo =
        json.readValue(
            "{\"photoId\":\"p1\",\"view\":\"close_up\",\"status\":\"CHECKED\",\"sizeBytes\":1000}",
            CaseRecord.PhotoRecord.class);

    assertEquals("close_up", photo.view());
  }
}
