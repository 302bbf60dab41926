package dev.userpool.operations.users;

import static java.util.Map.entry;

import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' {@code Filter} (sources §10): {@code <attribute> <op> "<value>"} with {@code =}
 * (exact) or {@code ^=} (prefix) on one of the searchable attributes; a null or blank filter
 * matches every user. It lives here rather than in domain because parsing answers with
 * InvalidParameterException.
 */
public final class UserFilter {
  /** How the value is compared. */
  public enum Operator {
    EQUALS,
    STARTS_WITH
  }

  /** What a searchable attribute reads from a user, and whether its comparison respects case. */
  private record Searchable(Function<User, String> read, boolean caseSensitive) {}

  // Whitespace around the operator is optional (unconfirmed); inside the quotes a backslash escapes
  // any character.
  private static final Pattern SYNTAX =
      Pattern.compile(
          "\\s*([^\\s=^\"]+)\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.DOTALL);
  private static final Pattern ESCAPE = Pattern.compile("\\\\(.)", Pattern.DOTALL);

  private static final Map<String, Searchable> SEARCHABLE =
      Map.ofEntries(
          entry("username", new Searchable(User::username, true)),
          entry("email", attribute("email")),
          entry("phone_number", attribute("phone_number")),
          entry("name", attribute("name")),
          entry("given_name", attribute("given_name")),
          entry("family_name", attribute("family_name")),
          entry("preferred_username", attribute("preferred_username")),
          entry(
              "cognito:user_status",
              new Searchable(u -> u.status() == null ? null : u.status().name(), false)),
          entry("status", new Searchable(u -> u.enabled() ? "Enabled" : "Disabled", true)),
          entry("sub", new Searchable(u -> u.sub() != null ? u.sub() : u.attribute("sub"), false)));

  private static final UserFilter ALL = new UserFilter(null, null, null, null);

  private final String attributeName;
  private final Operator operator;
  private final String value;
  private final Searchable searchable;
  private final String comparedValue; // value, lower-cased when the attribute ignores case

  private UserFilter(String attributeName, Operator operator, String value, Searchable searchable) {
    this.attributeName = attributeName;
    this.operator = operator;
    this.value = value;
    this.searchable = searchable;
    this.comparedValue = searchable == null ? null : fold(value, searchable.caseSensitive());
  }

  /**
   * The filter for ListUsers' Filter member. A malformed filter is InvalidParameterException "Error
   * while parsing filter." (text observed from real Cognito, aws/aws-sdk-php#1088); an attribute
   * that is not searchable is InvalidParameterException "Invalid search attribute: <name>" (moto's
   * text; Cognito's is unconfirmed).
   */
  public static UserFilter parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return ALL;
    }
    Matcher m = SYNTAX.matcher(filter);
    if (!m.matches()) {
      throw ErrorCode.INVALID_PARAMETER.exception("Error while parsing filter.");
    }
    String name = m.group(1);
    Searchable searchable = SEARCHABLE.get(name);
    if (searchable == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid search attribute: " + name);
    }
    Operator operator = m.group(2).equals("=") ? Operator.EQUALS : Operator.STARTS_WITH;
    String value = ESCAPE.matcher(m.group(3)).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    return new UserFilter(name, operator, value, searchable);
  }

  /** Whether {@code user} is listed; a user without the filtered attribute never is. */
  public boolean matches(User user) {
    if (searchable == null) {
      return true;
    }
    String actual = searchable.read().apply(user);
    if (actual == null) {
      return false;
    }
    String folded = fold(actual, searchable.caseSensitive());
    return operator == Operator.EQUALS
        ? folded.equals(comparedValue)
        : folded.startsWith(comparedValue);
  }

  /** True for the empty filter. */
  public boolean matchesAll() {
    return searchable == null;
  }

  /** The filtered attribute as written (e.g. {@code email}); null for the empty filter. */
  public String attributeName() {
    return attributeName;
  }

  /** Null for the empty filter. */
  public Operator operator() {
    return operator;
  }

  /** The value with escapes removed, case as written; null for the empty filter. */
  public String value() {
    return value;
  }

  private static Searchable attribute(String name) {
    return new Searchable(u -> u.attribute(name), false);
  }

  private static String fold(String s, boolean caseSensitive) {
    return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
  }
}
