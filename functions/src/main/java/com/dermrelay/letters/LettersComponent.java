package com.dermrelay.letters;

import com.dermrelay.core.aws.AwsClientsModule;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.ApiHandlerSupport;
import com.dermrelay.core.wiring.JsonModule;
import com.dermrelay.core.wiring.MediaModule;
import com.dermrelay.core.wiring.SnapStartPriming;
import com.dermrelay.core.wiring.TenancyModule;
import com.dermrelay.datarights.DataRightsModule;
import com.dermrelay.datarights.ExportMyData;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * What the handlers deployed from dermrelay-letters.jar use: the main component's core modules, the
 * letter, and the data export with the letters among its sections. A component of its own so the
 * main one (and dermrelay-functions.jar) never references PDFBox
 * (docs/decisions/0022-letters-jar.md).
 */
@Singleton
@Component(
    modules = {
      AwsClientsModule.class,
      JsonModule.class,
      TenancyModule.class,
      MediaModule.class,
      DataRightsModule.class,
      LettersModule.class
    })
public interface LettersComponent {
  ApiHandlerSupport apiHandlerSupport();

  GetAnswerLetter getAnswerLetter();

  /** exportMyData with every section, the letters included. */
  ExportMyData exportMyData();

  SnapStartPriming snapStartPriming();

  @Component.Factory
  interface Factory {
    LettersComponent create(@BindsInstance Settings settings);
  }
}
