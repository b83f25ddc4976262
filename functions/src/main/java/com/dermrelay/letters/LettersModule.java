package com.dermrelay.letters;

import com.dermrelay.datarights.PatientDataSection;
import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/** The letters' section of a patient's data export (bound only in {@link LettersComponent}). */
@Module
public abstract class LettersModule {
  private LettersModule() {}

  @Binds
  @IntoSet
  abstract PatientDataSection letters(LettersSection section);
}
