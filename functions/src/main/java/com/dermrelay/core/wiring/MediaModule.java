package com.dermrelay.core.wiring;

import com.dermrelay.core.config.Settings;
import com.dermrelay.imaging.PhotoInspector;
import dagger.Module;
import dagger.Provides;
import java.util.Optional;
import java.net.URI;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 presigner for upload slots, built once with the S3 client's region, credentials and
 * endpoint (path-style against an emulator), and the photo inspector.
 */
@Module
final class MediaModule {
  private MediaModule() {}

  @Provides
  @Singleton
  static S3Presigner presigner(Settings settings, AwsCredentialsProvider credentials) {
    Optional<URI> endpoint = settings.endpointFor("S3");
    S3Presigner.Builder builder = S3Presigner.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Provides
  @Singleton
  static PhotoInspector photoInspector() {
    return new PhotoInspector();
  }
}
