package dev.userpool.domain;

import java.util.List;
import java.util.Map;

/** Typed reads of the settings tree of a {@link UserPool}; nothing here writes. */
public final class PoolSettings {
  private final Map<String, Object> settings;

  public PoolSettings(Map<String, Object> settings) {
    this.settings = settings;
  }

  public List<String> usernameAttributes() {
    return strings(settings.get("UsernameAttributes"));
  }

  public List<String> aliasAttributes() {
    return strings(settings.get("AliasAttributes"));
  }

  public List<String> autoVerifiedAttributes() {
    return strings(settings.get("AutoVerifiedAttributes"));
  }

  /**
   * UsernameConfiguration.CaseSensitive; Cognito's API default for pools without the setting is
   * true.
   */
  public boolean usernameCaseSensitive() {
    Object config = settings.get("UsernameConfiguration");
    if (config instanceof Map<?, ?> map && map.get("CaseSensitive") instanceof Boolean b) {
      return b;
    }
    return true;
  }

  public PasswordPolicy passwordPolicy() {
    Object policies = settings.get("Policies");
    if (policies instanceof Map<?, ?> p && p.get("PasswordPolicy") instanceof Map<?, ?> pp) {
      return PasswordPolicy.fromSettings(pp);
    }
    return PasswordPolicy.DEFAULT;
  }

  public boolean deletionProtectionActive() {
    return "ACTIVE".equals(settings.get("DeletionProtection"));
  }

  public boolean allowAdminCreateUserOnly() {
    Object config = settings.get("AdminCreateUserConfig");
    return config instanceof Map<?, ?> map
        && Boolean.TRUE.equals(map.get("AllowAdminCreateUserOnly"));
  }

  /** The pool's schema attributes (standard and custom), each as DescribeUserPool returns it. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> schemaAttributes() {
    Object schema = settings.get("SchemaAttributes");
    return schema instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  public Object get(String member) {
    return settings.get(member);
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
