package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.domain.PasswordPolicy;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import org.junit.jupiter.api.Test;

class PasswordPolicyCheckTest {
  private static final PasswordPolicy ALL = PasswordPolicy.DEFAULT; // 8, all four classes
  private static final PasswordPolicy NONE = new PasswordPolicy(6, false, false, false, false, 7);

  @Test
  void whenPasswordMeetsEveryRuleThenAccepted() {
    assertDoesNotThrow(() -> PasswordPolicyCheck.check(ALL, "Passw0rd!"));
    assertDoesNotThrow(() -> PasswordPolicyCheck.check(NONE, "aaaaaa"));
  }

  @Test
  void whenTooShortThenNotLongEnough() {
    assertRejected(ALL, "Pa0!", "Password not long enough");
    assertRejected(NONE, "abcde", "Password not long enough");
    assertRejected(NONE, null, "Password not long enough");
  }

  @Test
  void whenSeveralRulesFailThenOnlyFirstInOrderIsNamed() {
    assertRejected(ALL, "ABC", "Password not long enough");
    assertRejected(ALL, "ABCDEFGH", "Password must have lowercase characters");
    assertRejected(ALL, "abcdefgh", "Password must have uppercase characters");
    assertRejected(ALL, "abcdEFGH", "Password must have numeric characters");
    assertRejected(ALL, "abcdEF12", "Password must have symbol characters");
  }

  @Test
  void whenLettersAreNotBasicLatinThenTheyDoNotCount() {
    PasswordPolicy lower = new PasswordPolicy(6, false, true, false, false, 7);
    PasswordPolicy upper = new PasswordPolicy(6, true, false, false, false, 7);
    PasswordPolicy numbers = new PasswordPolicy(6, false, false, true, false, 7);
    assertRejected(lower, "ÉÉÉéééß", "Password must have lowercase characters");
    assertRejected(upper, "ÉÉÉééé", "Password must have uppercase characters");
    assertRejected(numbers, "abc\u0663\u0664\u0665", "Password must have numeric characters");
  }

  @Test
  void whenAnySymbolOfTheSetIsPresentThenSymbolRulePasses() {
    PasswordPolicy symbols = new PasswordPolicy(6, false, false, false, true, 7);
    for (char c : "^$*.[]{}()?\"!@#%&/\\,><':;|_~`+=-".toCharArray()) {
      assertDoesNotThrow(
          () -> PasswordPolicyCheck.check(symbols, "abc" + c + "def"), "symbol " + c);
    }
    assertDoesNotThrow(() -> PasswordPolicyCheck.check(symbols, "abc def"));
    assertRejected(symbols, "abc€def", "Password must have symbol characters");
    assertRejected(symbols, "abc§def", "Password must have symbol characters");
  }

  @Test
  void whenLeadingOrTrailingWhitespaceThenRejected() {
    String rule = "Password must not contain leading or trailing whitespace";
    assertRejected(ALL, " Passw0rd!", rule);
    assertRejected(ALL, "Passw0rd! ", rule);
    assertRejected(ALL, "\tPassw0rd!", rule);
    assertRejected(NONE, "      ", rule);
  }

  @Test
  void whenLengthCountedThenSupplementaryCharacterCountsOnce() {
    PasswordPolicy six = new PasswordPolicy(6, false, false, false, false, 7);
    assertRejected(six, "abcd\uD83D\uDE00", "Password not long enough"); // 5 code points, 6 chars
    assertDoesNotThrow(() -> PasswordPolicyCheck.check(six, "abcde\uD83D\uDE00"));
  }

  private static void assertRejected(PasswordPolicy policy, String password, String rule) {
    CognitoException e =
        assertThrows(CognitoException.class, () -> PasswordPolicyCheck.check(policy, password));
    assertEquals(ErrorCode.INVALID_PASSWORD, e.code());
    assertEquals("Password did not conform with policy: " + rule, e.getMessage());
  }
}
