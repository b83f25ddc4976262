package com.dermrelay.core.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One SigV4-signed request sent with the SDK's HTTP client and its whole answer read: what the
 * hand-written AWS callers (SignedJsonClient's JSON APIs, StsAssumeRole's query API) share.
 */
record SignedCall(SdkHttpResponse response, byte[] body) {
  static SignedCall send(SdkHttpClient http, SignedRequest signed) throws IOException {
    var answer =
        http.prepareRequest(
                HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build())
            .call();
    Optional<? extends InputStream> stream = answer.responseBody();
    if (stream.isEmpty()) {
      return new SignedCall(answer.httpResponse(), new byte[0]);
    }
    try (InputStream in = stream.get()) {
      return new SignedCall(answer.httpResponse(), in.readAllBytes());
    }
  }

  int status() {
    return response.statusCode();
  }
}
