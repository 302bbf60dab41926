package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 Appendix B's SHA-1 seed. */
  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void whenRfc6238Sha1VectorsThenTheLastSixDigitsMatch() {
    // Appendix B lists 8-digit values; the 6-digit code is the same truncation modulo 10^6.
    assertEquals("287082", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59))));
    assertEquals("081804", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
    assertEquals("050471", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111111))));
    assertEquals("005924", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890))));
    assertEquals("279037", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000))));
  }

  @Test
  void whenCodeIsOneStepOffThenItMatchesThatStepButNotTwoStepsOff() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.step(now);

    assertEquals(
        OptionalLong.of(step - 1), Totp.matchingStep(SEED, Totp.code(SEED, step - 1), now));
    assertEquals(
        OptionalLong.of(step + 1), Totp.matchingStep(SEED, Totp.code(SEED, step + 1), now));
    assertTrue(
        Totp.matchingStep(SEED, Totp.code(SEED, step - 2), now).isEmpty()
            || Totp.code(SEED, step - 2).equals(Totp.code(SEED, step)));
  }

  @Test
  void whenCodeIsMalformedThenNothingMatches() {
    Instant now = Instant.ofEpochSecond(59);
    assertTrue(Totp.matchingStep(SEED, "28708", now).isEmpty());
    assertTrue(Totp.matchingStep(SEED, "2870821", now).isEmpty());
    assertTrue(Totp.matchingStep(SEED, null, now).isEmpty());
  }

  @Test
  void whenSecretIsNewThenItIs20BytesShownAs32Base32Characters() {
    byte[] secret = Totp.newSecret(new SecureRandom());
    assertEquals(20, secret.length);
    assertTrue(Totp.base32(secret).matches("[A-Z2-7]{32}"));
    // RFC 4648 §10 test vector
    assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
  }
}
