package dev.userpool.store.dynamodb;

import dev.userpool.store.table.Condition;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Translates a {@link Condition} into a DynamoDB condition expression. TTL deletion runs late, so
 * every expression treats an item whose {@code expiresAt <= now} as absent, as the reads do.
 */
final class ConditionExpressions {
  private static final String LIVE = "(attribute_not_exists(#e) OR #e > :now)";

  private ConditionExpressions() {}

  /** The expression for the condition, or null when the write is unconditional. */
  static Expression of(Condition condition, long nowEpochSeconds) {
    if (condition instanceof Condition.None) {
      return null;
    }
    Expression.Builder b =
        Expression.builder()
            .putExpressionName("#e", ItemRow.EXPIRES_AT)
            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(nowEpochSeconds)));
    if (condition instanceof Condition.Absent) {
      b.expression("attribute_not_exists(#pk) OR #e <= :now").putExpressionName("#pk", ItemRow.PK);
    } else if (condition instanceof Condition.Exists) {
      b.expression("attribute_exists(#pk) AND " + LIVE).putExpressionName("#pk", ItemRow.PK);
    } else if (condition instanceof Condition.VersionIs v) {
      b.expression("#v = :v AND " + LIVE)
          .putExpressionName("#v", ItemRow.VERSION)
          .putExpressionValue(":v", AttributeValue.fromN(Long.toString(v.version())));
    } else {
      throw new IllegalArgumentException("unknown condition " + condition);
    }
    return b.build();
  }
}
