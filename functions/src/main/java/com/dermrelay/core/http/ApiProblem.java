package com.dermrelay.core.http;

/**
 * A request the API refuses, answered as RFC 9457 problem+json. The detail is shown to the caller,
 * so it must say what is wrong with the request and must never quote health data.
 */
public class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final java.util.List<FieldError> errors;

  public ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, java.util.List.of());
  }

  /** A problem that names each bad field by its JSON pointer ({@code errors} in the body). */
  public ApiProblem(
      int status, String type, String title, String detail, java.util.List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = java.util.List.copyOf(errors);
  }

  /** One bad field: a JSON pointer into the request body and what is wrong (never its value). */
  public record FieldError(String pointer, String detail) {}

  public static ApiProblem badRequest(String type, String detail) {
    return new ApiProblem(400, type, "Bad Request", detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, ProblemTypes.NOT_FOUND, "Not Found", detail);
  }

  public int status() {
    return status;
  }

  /** A URI naming the kind of problem; see {@link ProblemTypes}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The bad fields, when the problem is about fields; empty otherwise. */
  public java.util.List<FieldError> errors() {
    return errors;
  }
}
