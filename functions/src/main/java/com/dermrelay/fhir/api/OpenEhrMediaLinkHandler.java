package com.dermrelay.fhir.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.fhir.FhirComponent;
import com.dermrelay.fhir.FhirFunctions;
import com.dermrelay.fhir.media.OpenEhrMediaLink;
import java.util.Map;

/**
 * {@code GET /ehr-media/{token}} (openEhrMediaLink): public; the link in a FHIR Media. Answers 302
 * to a five-minute presigned GET of the photo's copy. Deployed from dermrelay-fhir.jar with the
 * code that issues the links (com.dermrelay.fhir.media), though it needs no HAPI class.
 */
public final class OpenEhrMediaLinkHandler extends ApiHandler {
  private final OpenEhrMediaLink useCase;

  public OpenEhrMediaLinkHandler() {
    this(FhirFunctions.fromProcessEnvironment());
  }

  public OpenEhrMediaLinkHandler(Map<String, String> environment) {
    this(FhirFunctions.forEnvironment(environment));
  }

  OpenEhrMediaLinkHandler(FhirComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.openEhrMediaLink();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String location = useCase.run(request.pathParameter("token"), request.requestId());
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(302)
        .withHeaders(
            Map.of(
                "Location", location,
                // The presigned URL works for minutes: never cached, never sent on as a referrer.
                "Cache-Control", "no-store",
                "Referrer-Policy", "no-referrer",
                "X-Content-Type-Options", "nosniff"))
        .withBody("")
        .withIsBase64Encoded(false)
        .build();
  }
}
