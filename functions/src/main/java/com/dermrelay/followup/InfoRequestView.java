package com.dermrelay.followup;

import com.dermrelay.cases.InfoReply;

/**
 * The latest question to the patient, as the patient sees it (getInfoRequest, and the answer of
 * replyToInfoRequest).
 *
 * @param open whether the clinic still waits for the reply
 * @param reply null until replied
 * @param newPhotos true when the dermatologist asks for new photos; absent otherwise
 */
public record InfoRequestView(
    String caseId,
    int round,
    String question,
    String askedAt,
    String dermatologistName,
    boolean open,
    InfoReply reply,
    Boolean newPhotos) {}
