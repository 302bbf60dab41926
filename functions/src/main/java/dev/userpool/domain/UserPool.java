package dev.userpool.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A user pool. {@code settings} holds the pool's Cognito configuration members exactly as
 * DescribeUserPool returns them (Policies, LambdaConfig, SchemaAttributes, AutoVerifiedAttributes,
 * …) with Cognito's defaults already applied, as a plain JSON-like tree (maps, lists, strings,
 * numbers, booleans). Identity and timestamps live in their own fields.
 */
public record UserPool(
    String id,
    String name,
    String arn,
    Instant creationDate,
    Instant lastModifiedDate,
    Map<String, Object> settings,
    Map<String, String> tags,
    long version) {

  public String region() {
    return id.substring(0, id.indexOf('_'));
  }

  /** The part of the id after the underscore: SRP's "pool name" (sources §7.4). */
  public String srpPoolName() {
    return id.substring(id.indexOf('_') + 1);
  }

  public PoolSettings view() {
    return new PoolSettings(settings);
  }

  public UserPool withSettings(Map<String, Object> newSettings, Instant modified) {
    return new UserPool(id, name, arn, creationDate, modified, newSettings, tags, version);
  }

  public UserPool withTags(Map<String, String> newTags) {
    return new UserPool(id, name, arn, creationDate, lastModifiedDate, settings, newTags, version);
  }
}
