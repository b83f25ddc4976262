package com.dermrelay.datarights;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/** The sections of a patient's export; each capability that keeps patient data adds its own. */
@Module
public abstract class DataRightsModule {
  private DataRightsModule() {}

  @Binds
  @IntoSet
  abstract PatientDataSection account(AccountSection section);

  @Binds
  @IntoSet
  abstract PatientDataSection accessLog(AccessLogSection section);

  @Binds
  @IntoSet
  abstract PatientDataSection cases(CasesSection section);

  @Binds
  @IntoSet
  abstract PatientDataSection consultations(ConsultationsSection section);

  @Binds
  @IntoSet
  abstract PatientDataSection profile(ProfileSection section);

  @Binds
  @IntoSet
  abstract PatientDataSection researchConsent(ResearchConsentSection section);
}
