package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

class TagsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenPoolCreatedWithTagsThenListTagsReturnsThem() {
    UserPoolType pool =
        cognito.createUserPool(r -> r.poolName("t").userPoolTags(Map.of("env", "dev"))).userPool();

    assertEquals(
        Map.of("env", "dev"), cognito.listTagsForResource(r -> r.resourceArn(pool.arn())).tags());
  }

  @Test
  void whenTaggedAndUntaggedThenTagsMergeAndRemovalIgnoresUnknownKeys() {
    UserPoolType pool =
        cognito.createUserPool(r -> r.poolName("t").userPoolTags(Map.of("env", "dev"))).userPool();

    cognito.tagResource(r -> r.resourceArn(pool.arn()).tags(Map.of("env", "prod", "team", "id")));
    assertEquals(
        Map.of("env", "prod", "team", "id"),
        cognito.listTagsForResource(r -> r.resourceArn(pool.arn())).tags());

    cognito.untagResource(r -> r.resourceArn(pool.arn()).tagKeys("env", "absent"));
    assertEquals(
        Map.of("team", "id"), cognito.listTagsForResource(r -> r.resourceArn(pool.arn())).tags());
    assertEquals(
        Map.of("team", "id"),
        cognito.describeUserPool(r -> r.userPoolId(pool.id())).userPool().userPoolTags());
  }

  @Test
  void whenArnNamesNoPoolThenResourceNotFound() {
    String arn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_nothere00";
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.listTagsForResource(r -> r.resourceArn(arn)));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "b"))));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.untagResource(r -> r.resourceArn(arn).tagKeys("a")));
  }

  @Test
  void whenResourceArnMissingThenInvalidParameterFromValidation() {
    Expect.error(
        InvalidParameterException.class,
        "Member must not be null",
        () -> cognito.listTagsForResource(r -> {}));
  }
}
