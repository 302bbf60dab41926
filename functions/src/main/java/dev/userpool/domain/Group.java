package dev.userpool.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * A group of a user pool. {@code description}, {@code roleArn} and {@code precedence} are null when
 * not set (a group without Precedence ranks after every group with one).
 */
public record Group(
    String userPoolId,
    String name,
    String description,
    String roleArn,
    Integer precedence,
    Instant creationDate,
    Instant lastModifiedDate,
    long version) {

  /**
   * The order of {@code cognito:groups}: Precedence ascending (zero ranks first), groups without
   * Precedence last, then by name. The API reference defines only the precedence ranking; the order
   * of the claim and the tie-break by name are (unconfirmed).
   */
  public static final Comparator<Group> PRECEDENCE_ORDER =
      Comparator.comparing(Group::precedence, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Group::name);

  public Group withVersion(long newVersion) {
    return new Group(
        userPoolId,
        name,
        description,
        roleArn,
        precedence,
        creationDate,
        lastModifiedDate,
        newVersion);
  }
}
