package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetCategoryType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetExtensionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ColorSchemeModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** The managed login branding operations through the SDK v2 client, Settings as a JSON document. */
class ManagedLoginBrandingIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private static final Document SETTINGS =
      Document.mapBuilder()
          .putDocument(
              "components",
              Document.mapBuilder()
                  .putDocument(
                      "primaryButton",
                      Document.mapBuilder()
                          .putDocument(
                              "lightMode",
                              Document.mapBuilder().putString("defaults", "#0972d3").build())
                          .build())
                  .build())
          .putDocument("categories", Document.mapBuilder().putBoolean("auth", true).build())
          .build();
  private static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, 3};

  @Test
  void whenAStyleIsCreatedThenItIsDescribedByIdAndClientUpdatedAndDeleted() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    AssetType logo =
        AssetType.builder()
            .category(AssetCategoryType.PAGE_HEADER_LOGO)
            .colorMode(ColorSchemeModeType.LIGHT)
            .extension(AssetExtensionType.PNG)
            .bytes(SdkBytes.fromByteArray(LOGO))
            .build();

    ManagedLoginBrandingType created =
        cognito
            .createManagedLoginBranding(
                b -> b.userPoolId(poolId).clientId(clientId).settings(SETTINGS).assets(logo))
            .managedLoginBranding();

    assertTrue(created.managedLoginBrandingId().matches("[0-9a-f-]{36}"));
    assertEquals(poolId, created.userPoolId());
    assertFalse(created.useCognitoProvidedValues());
    assertEquals(SETTINGS, created.settings());
    assertArrayEquals(LOGO, created.assets().get(0).bytes().asByteArray());
    ManagedLoginBrandingType byId =
        cognito
            .describeManagedLoginBranding(
                b -> b.userPoolId(poolId).managedLoginBrandingId(created.managedLoginBrandingId()))
            .managedLoginBranding();
    assertEquals(created, byId);
    assertEquals(
        created,
        cognito
            .describeManagedLoginBrandingByClient(
                b -> b.userPoolId(poolId).clientId(clientId).returnMergedResources(true))
            .managedLoginBranding());

    // Settings alone: the assets stay
    Document dark = Document.mapBuilder().putString("colorScheme", "dark").build();
    ManagedLoginBrandingType updated =
        cognito
            .updateManagedLoginBranding(
                b ->
                    b.userPoolId(poolId)
                        .managedLoginBrandingId(created.managedLoginBrandingId())
                        .settings(dark))
            .managedLoginBranding();
    assertEquals(dark, updated.settings());
    assertEquals(created.assets(), updated.assets());
    // back to Cognito's defaults
    ManagedLoginBrandingType reverted =
        cognito
            .updateManagedLoginBranding(
                b ->
                    b.userPoolId(poolId)
                        .managedLoginBrandingId(created.managedLoginBrandingId())
                        .useCognitoProvidedValues(true))
            .managedLoginBranding();
    assertTrue(reverted.useCognitoProvidedValues());
    assertNull(reverted.settings());
    assertTrue(reverted.assets().isEmpty());

    cognito.deleteManagedLoginBranding(
        b -> b.userPoolId(poolId).managedLoginBrandingId(created.managedLoginBrandingId()));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.describeManagedLoginBrandingByClient(
                b -> b.userPoolId(poolId).clientId(clientId)));
  }

  @Test
  void whenTheClientHasAStyleOrTheRequestMixesDefaultsAndSettingsThenRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    cognito.createManagedLoginBranding(
        b -> b.userPoolId(poolId).clientId(clientId).useCognitoProvidedValues(true));

    Expect.error(
        ManagedLoginBrandingExistsException.class,
        clientId,
        () ->
            cognito.createManagedLoginBranding(
                b -> b.userPoolId(poolId).clientId(clientId).settings(SETTINGS)));
    String other = SignInFixtures.client(cognito, poolId).clientId();
    Expect.error(
        InvalidParameterException.class,
        "UseCognitoProvidedValues",
        () ->
            cognito.createManagedLoginBranding(
                b ->
                    b.userPoolId(poolId)
                        .clientId(other)
                        .useCognitoProvidedValues(true)
                        .settings(SETTINGS)));
    AssetType logo =
        AssetType.builder()
            .category(AssetCategoryType.PAGE_HEADER_LOGO)
            .colorMode(ColorSchemeModeType.LIGHT)
            .extension(AssetExtensionType.PNG)
            .bytes(SdkBytes.fromByteArray(LOGO))
            .build();
    Expect.error(
        InvalidParameterException.class,
        "Duplicate asset",
        () ->
            cognito.createManagedLoginBranding(
                b -> b.userPoolId(poolId).clientId(other).assets(logo, logo)));
    Expect.error(
        InvalidParameterException.class,
        "Member must satisfy enum value set",
        () ->
            cognito.createManagedLoginBranding(
                b ->
                    b.userPoolId(poolId)
                        .clientId(other)
                        .assets(List.of(logo.toBuilder().category("LOGO").build()))));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.describeManagedLoginBrandingByClient(
                b -> b.userPoolId(poolId).clientId(other)));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.deleteManagedLoginBranding(
                b ->
                    b.userPoolId(poolId)
                        .managedLoginBrandingId("3f1e6a52-5c2e-4d7a-9b1e-2f6f0c1d2e3a")));
    Expect.error(
        InvalidParameterException.class,
        "Value null at 'managedLoginBrandingId'",
        () -> cognito.updateManagedLoginBranding(b -> b.userPoolId(poolId).settings(SETTINGS)));
  }
}
