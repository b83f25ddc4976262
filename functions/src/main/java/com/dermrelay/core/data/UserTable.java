package com.dermrelay.core.data;

import com.dermrelay.core.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The signed-in user's own items of one record type, in their partition {@code USER#<sub>}: what
 * belongs to a person rather than to a clinic (a dermatologist's licences, who works for several).
 * The partition comes from the verified {@link Caller} alone, never from a client's key, so a user
 * reaches only their own items. No tenant session fits (the items are no clinic's): calls run on
 * the function's own role, which IAM limits to {@code USER#} leading keys (infrastructure's
 * USER_RECORDS). Writes are single-item and conditional on the version read, as in {@link
 * TenantTable}; removal is the record's own tombstone.
 */
public final class UserTable<T> {
  private static final String USER = "USER#";
  private static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
  private static final AwsRequestOverrideConfiguration FUNCTIONS_OWN_ROLE =
      AwsRequestOverrideConfiguration.builder().build();
  private static final int PAGE = 100;
  private static final Expression NO_SUCH_ITEM =
      Expression.builder()
          .expression("attribute_not_exists(#dr_pk)")
          .putExpressionName("#dr_pk", TableItem.PK)
          .build();

  private final SingleTable table;
  private final TableSchema<TableItem<T>> schema;

  UserTable(SingleTable table, TableSchema<TableItem<T>> schema) {
    this.table = table;
    this.schema = schema;
  }

  /** The item, strongly consistent; empty when there is none. */
  public Optional<StoredItem<T>> get(Caller user, String sort) {
    TableItem<T> item =
        mapped()
            .getItem(
                GetItemEnhancedRequest.builder()
                    .consistentRead(true)
                    .key(Key.builder().partitionValue(partition(user)).sortValue(sort).build())
                    .build());
    return Optional.ofNullable(item).map(UserTable::stored);
  }

  /** Every item of the user's partition whose sort key starts with {@code sortPrefix}. */
  public List<StoredItem<T>> all(Caller user, String sortPrefix) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortBeginsWith(
                    Key.builder().partitionValue(partition(user)).sortValue(sortPrefix).build()))
            .consistentRead(true)
            .limit(PAGE)
            .build();
    List<StoredItem<T>> found = new ArrayList<>();
    for (Page<TableItem<T>> page : mapped().query(request)) {
      page.items().stream().filter(Objects::nonNull).map(UserTable::stored).forEach(found::add);
    }
    return found;
  }

  /**
   * Replaces the item if its version is still {@code expectedVersion} (0: it must not exist yet)
   * and stores it as {@code expectedVersion + 1}.
   *
   * @throws VersionConflictException if another write came first
   */
  public long putVersioned(Caller user, String sort, T record, long expectedVersion) {
    TableItem.Builder<T> item = TableItem.builder();
    item.pk = partition(user);
    item.sk = Objects.requireNonNull(sort, "sort");
    item.version = expectedVersion;
    item.record = Objects.requireNonNull(record, "record");
    @SuppressWarnings({"unchecked", "rawtypes"})
    PutItemEnhancedRequest.Builder<TableItem<T>> request =
        PutItemEnhancedRequest.builder((Class) TableItem.class);
    request.item(item.build());
    if (expectedVersion == 0) {
      request.conditionExpression(NO_SUCH_ITEM);
    }
    try {
      mapped().putItem(request.build());
      return expectedVersion + 1;
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException();
    }
  }

  /** {@code USER#<sub>}; a subject that could name another partition is refused. */
  static String partition(Caller user) {
    if (user == null || !SUBJECT.matcher(user.subject()).matches()) {
      throw new TenantIsolationException("a user partition needs a plain subject");
    }
    return USER + user.subject();
  }

  private DynamoDbTable<TableItem<T>> mapped() {
    return table.mapped(schema, FUNCTIONS_OWN_ROLE);
  }

  private static <T> StoredItem<T> stored(TableItem<T> item) {
    return new StoredItem<>(null, item.sk, item.versionOrZero(), item.record);
  }
}
