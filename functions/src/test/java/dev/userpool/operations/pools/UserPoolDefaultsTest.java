package dev.userpool.operations.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPoolDefaultsTest {
  private static Input input(String json) {
    return Input.of((ObjectNode) Json.read(json));
  }

  @Test
  void whenNoPolicyThenEveryRequirementIsOnAndTemporaryPasswordsLastSevenDays() {
    Map<String, Object> s = UserPoolDefaults.forCreate(input("{\"PoolName\":\"p\"}"));
    assertEquals(
        Map.of(
            "PasswordPolicy",
            Map.of(
                "MinimumLength",
                8,
                "RequireUppercase",
                true,
                "RequireLowercase",
                true,
                "RequireNumbers",
                true,
                "RequireSymbols",
                true,
                "TemporaryPasswordValidityDays",
                7)),
        s.get("Policies"));
  }

  @Test
  void whenPolicyGivenThenOmittedFlagsAreFalseAndZeroDaysMeansSeven() {
    Map<String, Object> s =
        UserPoolDefaults.forCreate(
            input(
                "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":6,\"RequireSymbols\":true,"
                    + "\"TemporaryPasswordValidityDays\":0}}}"));
    assertEquals(
        Map.of(
            "MinimumLength",
            6,
            "RequireUppercase",
            false,
            "RequireLowercase",
            false,
            "RequireNumbers",
            false,
            "RequireSymbols",
            true,
            "TemporaryPasswordValidityDays",
            7),
        ((Map<?, ?>) s.get("Policies")).get("PasswordPolicy"));
  }

  @Test
  void whenEmailVerificationMessageGivenThenTheTemplateMirrorsIt() {
    Map<String, Object> s =
        UserPoolDefaults.forCreate(
            input("{\"PoolName\":\"p\",\"EmailVerificationMessage\":\"Code {####}\"}"));
    assertEquals(
        Map.of("EmailMessage", "Code {####}", "DefaultEmailOption", "CONFIRM_WITH_CODE"),
        s.get("VerificationMessageTemplate"));
  }

  @Test
  void whenUpdatingThenSchemaUsernameAndMeasuredKeptSettingsStayAndTheRestReset() {
    Map<String, Object> created =
        UserPoolDefaults.forCreate(
            input(
                "{\"PoolName\":\"p\",\"UsernameAttributes\":[\"email\"],\"MfaConfiguration\":\"OPTIONAL\","
                    + "\"AutoVerifiedAttributes\":[\"email\"],\"UserPoolTier\":\"PLUS\","
                    + "\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":12}},"
                    + "\"Schema\":[{\"Name\":\"plan\",\"AttributeDataType\":\"String\"}]}"));
    Map<String, Object> updated =
        UserPoolDefaults.forUpdate(input("{\"UserPoolId\":\"us-east-1_x\"}"), created);
    assertEquals(List.of("email"), updated.get("UsernameAttributes"));
    assertEquals(created.get("SchemaAttributes"), updated.get("SchemaAttributes"));
    assertEquals("OPTIONAL", updated.get("MfaConfiguration"));
    assertEquals("PLUS", updated.get("UserPoolTier"));
    assertEquals(created.get("Policies"), updated.get("Policies"));
    assertFalse(updated.containsKey("AutoVerifiedAttributes"));
  }

  @Test
  void whenUpdateCarriesOnlyPasswordPolicyThenTheSignInPolicyIsKept() {
    Map<String, Object> created =
        UserPoolDefaults.forCreate(
            input(
                "{\"PoolName\":\"p\",\"Policies\":{\"SignInPolicy\":"
                    + "{\"AllowedFirstAuthFactors\":[\"PASSWORD\",\"EMAIL_OTP\"]}}}"));
    Map<String, Object> updated =
        UserPoolDefaults.forUpdate(
            input(
                "{\"UserPoolId\":\"us-east-1_x\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":9}}}"),
            created);
    Map<?, ?> policies = (Map<?, ?>) updated.get("Policies");
    assertEquals(
        Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "EMAIL_OTP")),
        policies.get("SignInPolicy"));
    assertEquals(9, ((Map<?, ?>) policies.get("PasswordPolicy")).get("MinimumLength"));
  }

  @Test
  void whenUsernameAndAliasAttributesBothGivenThenInvalidParameter() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                UserPoolDefaults.forCreate(
                    input(
                        "{\"PoolName\":\"p\",\"UsernameAttributes\":[\"email\"],\"AliasAttributes\":[\"phone_number\"]}")));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
  }

  @Test
  void whenCustomAttributeHasNoTypeThenInvalidParameter() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> SchemaAttributes.forNewPool(Json.read("[{\"Name\":\"plan\"}]")));
    assertEquals(
        "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.",
        e.getMessage());
  }

  @Test
  void whenCustomAttributeOmitsMutableAndRequiredThenMutableAndNotRequired() {
    List<Map<String, Object>> schema =
        SchemaAttributes.forNewPool(
            Json.read("[{\"Name\":\"plan\",\"AttributeDataType\":\"String\"}]"));
    Map<String, Object> plan = schema.get(schema.size() - 1);
    assertEquals("custom:plan", plan.get("Name"));
    assertEquals("String", plan.get("AttributeDataType"));
    assertFalse((Boolean) plan.get("Required"));
    assertEquals(true, plan.get("Mutable"));
  }

  @Test
  void whenStringConstraintsAreInvertedThenInvalidParameter() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                SchemaAttributes.forNewPool(
                    Json.read(
                        "[{\"Name\":\"plan\",\"AttributeDataType\":\"String\","
                            + "\"StringAttributeConstraints\":{\"MinLength\":\"5\",\"MaxLength\":\"2\"}}]")));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
    assertEquals("user.custom:plan: Max length cannot be less than min length.", e.getMessage());
  }
}
