package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.PasswordPolicy;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<PasswordPolicy> POLICIES =
      List.of(
          PasswordPolicy.DEFAULT,
          new PasswordPolicy(6, false, false, false, false, 7),
          new PasswordPolicy(6, true, true, true, true, 7),
          new PasswordPolicy(12, false, false, false, true, 7),
          new PasswordPolicy(20, true, false, true, false, 7),
          new PasswordPolicy(99, true, true, true, true, 7));

  @Test
  void whenGeneratedForAnyPolicyThenPolicyCheckPasses() {
    for (PasswordPolicy policy : POLICIES) {
      for (int i = 0; i < 200; i++) {
        String password = TemporaryPasswords.generate(policy, RANDOM);
        assertDoesNotThrow(
            () -> PasswordPolicyCheck.check(policy, password), policy + " " + password);
      }
    }
  }

  @Test
  void whenGeneratedThenLengthIsMinimumLengthButAtLeastTen() {
    assertEquals(
        10,
        TemporaryPasswords.generate(new PasswordPolicy(6, true, true, true, true, 7), RANDOM)
            .length());
    assertEquals(10, TemporaryPasswords.generate(PasswordPolicy.DEFAULT, RANDOM).length());
    assertEquals(
        20,
        TemporaryPasswords.generate(new PasswordPolicy(20, true, true, true, true, 7), RANDOM)
            .length());
  }

  @Test
  void whenGeneratedThenOnlyUnambiguousCharacters() {
    for (int i = 0; i < 200; i++) {
      String password = TemporaryPasswords.generate(PasswordPolicy.DEFAULT, RANDOM);
      assertTrue(password.matches("[a-km-np-zA-HJ-NP-Z2-9!#%*+\\-=?@^_~]+"), password);
    }
  }

  @Test
  void whenGeneratedRepeatedlyThenPasswordsDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(TemporaryPasswords.generate(PasswordPolicy.DEFAULT, RANDOM));
    }
    assertEquals(1000, seen.size());
  }
}
