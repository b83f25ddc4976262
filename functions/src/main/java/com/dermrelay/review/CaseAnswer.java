package com.dermrelay.review;

/**
 * A sent answer as stored ({@code ANSWER#<round>}, written once).
 *
 * @param round the case's round it answers (0 the intake, later ones after a question or follow-up)
 * @param dermatologistName the name the patient sees (the token's name claim)
 * @param followUpAt when follow-up photos are due (ISO-8601 instant), null for none
 */
public record CaseAnswer(int round, String dermatologistId, String dermatologistName,
    String answeredAt, String followUpAt, AnswerContent content) {}
