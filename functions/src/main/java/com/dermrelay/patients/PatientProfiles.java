package com.dermrelay.patients;

import static com.dermrelay.core.data.Attributes.text;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.TenantItems;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Patient profiles in the table: {@code TENANT#<id>#PATIENT#<sub>} / {@code PROFILE}, one per
 * patient of the clinic, versioned like every other state.
 */
@Singleton
public final class PatientProfiles {
  private final TenantItems items;

  @Inject
  public PatientProfiles(TenantItems items) {
    this.items = items;
  }

  static ItemKey key(String subject) {
    return ItemKey.of("PATIENT#" + subject, "PROFILE");
  }

  /** The profile of {@code subject} in the acting tenant, with its version. */
  public Optional<StoredProfile> find(TenantContext tenant, String subject) {
    return items.get(tenant, key(subject)).map(item -> new StoredProfile(
        Long.parseLong(item.get(TenantItems.VERSION).n()),
        new PatientProfile(text(item, "dateOfBirth"), text(item, "sex"))));
  }

  /** Writes the profile on {@code expectedVersion} (0: new); returns the new version. */
  public long save(TenantContext tenant, String subject, PatientProfile profile, long expectedVersion) {
    return items.putVersioned(tenant, key(subject), Map.of(
        "type", AttributeValue.fromS("PATIENT_PROFILE"),
        "dateOfBirth", AttributeValue.fromS(profile.dateOfBirth()),
        "sex", AttributeValue.fromS(profile.sex())), expectedVersion);
  }

  /** A profile as read, with the version a change must be conditioned on. */
  public record StoredProfile(long version, PatientProfile profile) {}
}
