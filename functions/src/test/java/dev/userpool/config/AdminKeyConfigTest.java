package dev.userpool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.userpool.auth.SigV4Authenticator;
import dev.userpool.protocol.RequestAuthenticator;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin key secret and signing region come from the environment names the templates set. */
class AdminKeyConfigTest {

  @Test
  void whenSecretArnIsSetThenReadFromEnvironmentWithTheLambdasRegion() {
    AppConfig config =
        AppConfig.fromMap(
            Map.of(
                "USERPOOL_ADMIN_KEY_SECRET_ARN",
                    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin-AbCdEf",
                "AWS_REGION", "eu-west-1"));
    assertEquals(
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin-AbCdEf",
        config.adminKeySecretArn());
    assertEquals("eu-west-1", config.signingRegion());
  }

  @Test
  void whenDefaultRegionIsSetThenItIsTheSigningRegion() {
    AppConfig config =
        AppConfig.fromMap(Map.of("USERPOOL_DEFAULT_REGION", "ap-south-1", "AWS_REGION", "x"));
    assertEquals("ap-south-1", config.signingRegion());
  }

  @Test
  void whenNoSecretArnThenSignaturesAreNotChecked() {
    AppConfig config = AppConfig.fromMap(Map.of());
    assertNull(config.adminKeySecretArn());
    assertSame(RequestAuthenticator.ACCEPT_ALL, Wiring.authenticator(config, Clock.systemUTC()));
  }

  @Test
  void whenSecretArnIsSetThenSigV4IsEnforcedWithoutReadingTheSecretYet() {
    // No AWS credentials or network here: building must not touch Secrets Manager (SnapStart, lazy
    // read).
    AppConfig config =
        AppConfig.fromMap(
            Map.of(
                "USERPOOL_ADMIN_KEY_SECRET_ARN",
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:admin-AbCdEf",
                "AWS_REGION", "us-east-1"));
    assertInstanceOf(SigV4Authenticator.class, Wiring.authenticator(config, Clock.systemUTC()));
  }
}
