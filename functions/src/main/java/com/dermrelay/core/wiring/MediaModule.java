package com.dermrelay.core.wiring;

import com.dermrelay.imaging.PhotoInspector;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** The photo inspector, built once per container (the S3 presigner is in AwsClientsModule). */
@Module
final class MediaModule {
  private MediaModule() {}

  @Provides
  @Singleton
  static PhotoInspector photoInspector() {
    return new PhotoInspector();
  }
}
