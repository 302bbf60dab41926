package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UICustomizationType;

/**
 * SetUICustomization and GetUICustomization through the AWS SDK v2: pool-wide (ALL), per client,
 * limits.
 */
class UiCustomizationIT {
  static final String POOL_CSS = ".logo-customizable { max-width: 60%; }";
  static final String CLIENT_CSS = ".banner-customizable { background-color: navy; }";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenPoolAndClientAreCustomizedThenEachClientSeesItsOwnOrThePoolOne() {
    String poolId = TestPools.builder().create(server);
    String custom =
        cognito
            .createUserPoolClient(b -> b.userPoolId(poolId).clientName("custom"))
            .userPoolClient()
            .clientId();
    String plain =
        cognito
            .createUserPoolClient(b -> b.userPoolId(poolId).clientName("plain"))
            .userPoolClient()
            .clientId();
    byte[] logo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    UICustomizationType set =
        cognito
            .setUICustomization(
                b -> b.userPoolId(poolId).css(POOL_CSS).imageFile(SdkBytes.fromByteArray(logo)))
            .uiCustomization();
    cognito.setUICustomization(b -> b.userPoolId(poolId).clientId(custom).css(CLIENT_CSS));

    UICustomizationType pool =
        cognito.getUICustomization(b -> b.userPoolId(poolId)).uiCustomization();
    UICustomizationType ofCustom =
        cognito.getUICustomization(b -> b.userPoolId(poolId).clientId(custom)).uiCustomization();
    UICustomizationType ofPlain =
        cognito.getUICustomization(b -> b.userPoolId(poolId).clientId(plain)).uiCustomization();
    assertEquals(set, pool);
    assertEquals("ALL", pool.clientId());
    assertEquals(POOL_CSS, pool.css());
    assertNotNull(pool.cssVersion());
    assertNotNull(pool.creationDate());
    assertEquals(custom, ofCustom.clientId());
    assertEquals(CLIENT_CSS, ofCustom.css());
    assertEquals(pool, ofPlain);
  }

  @Test
  void whenNothingIsSetThenOnlyThePoolAndClientAreAnswered() {
    String poolId = TestPools.builder().create(server);

    UICustomizationType none =
        cognito.getUICustomization(b -> b.userPoolId(poolId).clientId("ALL")).uiCustomization();

    assertEquals(poolId, none.userPoolId());
    assertEquals("ALL", none.clientId());
    assertNull(none.css());
    assertNull(none.creationDate());
  }

  @Test
  void whenSetAgainThenCssAndLogoAreReplacedTogetherAndCreationDateIsKept() {
    String poolId = TestPools.builder().create(server);
    UICustomizationType first =
        cognito
            .setUICustomization(
                b ->
                    b.userPoolId(poolId)
                        .clientId("ALL")
                        .css(POOL_CSS)
                        .imageFile(SdkBytes.fromByteArray(new byte[] {1})))
            .uiCustomization();

    UICustomizationType second =
        cognito
            .setUICustomization(
                b -> b.userPoolId(poolId).imageFile(SdkBytes.fromByteArray(new byte[] {2})))
            .uiCustomization();

    assertNull(second.css());
    assertEquals(first.creationDate(), second.creationDate());
    assertEquals(second, cognito.getUICustomization(b -> b.userPoolId(poolId)).uiCustomization());
  }

  @Test
  void whenInputBreaksALimitThenInvalidParameterAndNothingChanges() {
    String poolId = TestPools.builder().create(server);
    cognito.setUICustomization(b -> b.userPoolId(poolId).css(POOL_CSS));

    Expect.error(
        InvalidParameterException.class,
        "100 KB",
        () ->
            cognito.setUICustomization(
                b ->
                    b.userPoolId(poolId)
                        .imageFile(SdkBytes.fromByteArray(new byte[100 * 1024 + 1]))));
    Expect.error(
        InvalidParameterException.class,
        "customizable",
        () -> cognito.setUICustomization(b -> b.userPoolId(poolId).css("body { color: red; }")));
    Expect.error(
        InvalidParameterException.class,
        "@import",
        () ->
            cognito.setUICustomization(
                b -> b.userPoolId(poolId).css("@import url(https://example.com/x.css);")));
    Expect.error(
        ResourceNotFoundException.class,
        "User pool client nope does not exist.",
        () -> cognito.setUICustomization(b -> b.userPoolId(poolId).clientId("nope").css(POOL_CSS)));

    assertEquals(
        POOL_CSS, cognito.getUICustomization(b -> b.userPoolId(poolId)).uiCustomization().css());
    cognito.setUICustomization(
        b -> b.userPoolId(poolId).imageFile(SdkBytes.fromByteArray(new byte[100 * 1024])));
  }

  @Test
  void whenPoolIsMissingThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool us-east-1_Missing00 does not exist.",
        () -> cognito.getUICustomization(b -> b.userPoolId("us-east-1_Missing00")));
  }
}
