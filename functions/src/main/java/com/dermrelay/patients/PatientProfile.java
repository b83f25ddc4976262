package com.dermrelay.patients;

/**
 * What the clinic knows of a patient beyond the account: triage needs the age, the dermatologist
 * and the health record need sex.
 *
 * @param dateOfBirth ISO-8601 date, e.g. {@code 1984-03-09}
 * @param sex administrative sex as FHIR codes it: {@code female}, {@code male}, {@code other},
 *     {@code unknown}
 */
public record PatientProfile(String dateOfBirth, String sex) {}
