package com.dermrelay.patients;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Patient profiles in the table: {@code TENANT#<id>#PATIENT#<sub>} / {@code PROFILE}, one per
 * patient of the clinic, versioned like every other state.
 */
@Singleton
public final class PatientProfiles {
  private final TenantTable<PatientProfile> items;

  @Inject
  public PatientProfiles(SingleTable table) {
    this.items = table.tenantTable(SCHEMA);
  }

  static ItemKey key(String subject) {
    return ItemKey.of("PATIENT#" + subject, "PROFILE");
  }

  /** The profile of {@code subject} in the acting tenant, with its version. */
  public Optional<StoredProfile> find(TenantContext tenant, String subject) {
    return items
        .get(tenant, key(subject))
        .map(item -> new StoredProfile(item.version(), item.record()));
  }

  /** Writes the profile on {@code expectedVersion} (0: new); returns the new version. */
  public long save(
      TenantContext tenant, String subject, PatientProfile profile, long expectedVersion) {
    return items.putVersioned(tenant, key(subject), profile, expectedVersion);
  }

  /** A profile as read, with the version a change must be conditioned on. */
  public record StoredProfile(long version, PatientProfile profile) {}

  /** The profile item's attributes; built from lambdas, no reflection (decision 0018). */
  static final TableSchema<PatientProfile> SCHEMA =
      StaticImmutableTableSchema.builder(PatientProfile.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(p -> "PATIENT_PROFILE").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a ->
                  a.name("dateOfBirth")
                      .getter(PatientProfile::dateOfBirth)
                      .setter((b, v) -> b.dateOfBirth = v))
          .addAttribute(
              String.class,
              a -> a.name("sex").getter(PatientProfile::sex).setter((b, v) -> b.sex = v))
          .build();

  private static final class Builder {
    String dateOfBirth;
    String sex;

    PatientProfile build() {
      return new PatientProfile(dateOfBirth, sex);
    }
  }
}
