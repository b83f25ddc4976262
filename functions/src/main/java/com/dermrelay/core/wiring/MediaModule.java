package com.dermrelay.core.wiring;

import com.dermrelay.core.config.Settings;
import com.dermrelay.imaging.PhotoInspector;
import com.dermrelay.imaging.PhotoLimits;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * The photo checks' limits (defaults with the deployment's {@code DERMRELAY_PHOTO_*} overrides) and
 * the inspector, built once per container (the S3 presigner is in AwsClientsModule).
 */
@Module
public final class MediaModule {
  private MediaModule() {}

  @Provides
  @Singleton
  static PhotoLimits photoLimits(Settings settings) {
    return PhotoLimits.fromEnvironment(settings.environment());
  }

  @Provides
  @Singleton
  static PhotoInspector photoInspector(PhotoLimits limits) {
    return new PhotoInspector(limits);
  }
}
