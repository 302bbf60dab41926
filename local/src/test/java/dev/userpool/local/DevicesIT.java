package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceKeyExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * Remembered devices end to end through the AWS SDK v2 client: NewDeviceMetadata at sign-in,
 * ConfirmDevice with a device verifier computed here (as amazon-cognito-identity-js computes it,
 * with {@link SrpClient}), the device operations, sign-in with DEVICE_KEY through DEVICE_SRP_AUTH →
 * DEVICE_PASSWORD_VERIFIER, and refresh tokens bound to the device.
 */
class DevicesIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CognitoIdentityProviderClient cognito = server.client();

  /** A device as the SDK keeps it after ConfirmDevice: its key, group key and random password. */
  record DeviceSecret(String key, String groupKey, String password) {}

  private String pool(boolean challengeRequired, boolean onPrompt) {
    return cognito
        .createUserPool(
            b ->
                b.poolName("devices")
                    .deviceConfiguration(
                        c ->
                            c.challengeRequiredOnNewDevice(challengeRequired)
                                .deviceOnlyRememberedOnUserPrompt(onPrompt)))
        .userPool()
        .id();
  }

  private String client(String poolId) {
    return cognito
        .createUserPoolClient(
            b ->
                b.userPoolId(poolId)
                    .clientName("app")
                    .explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .userPoolClient()
        .clientId();
  }

  private InitiateAuthResponse signIn(String clientId, String username, String deviceKey) {
    Map<String, String> parameters =
        new HashMap<>(Map.of("USERNAME", username, "PASSWORD", PASSWORD));
    if (deviceKey != null) {
      parameters.put("DEVICE_KEY", deviceKey);
    }
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(parameters));
  }

  /**
   * ConfirmDevice with a fresh random password, salt and verifier, computed like the browser SDK
   * does.
   */
  private DeviceSecret confirm(
      String accessToken,
      NewDeviceMetadataType metadata,
      String name,
      boolean expectConfirmationNecessary) {
    byte[] pwd = new byte[40];
    RANDOM.nextBytes(pwd);
    String password = Base64.getEncoder().encodeToString(pwd);
    byte[] saltBytes = new byte[16];
    RANDOM.nextBytes(saltBytes);
    BigInteger salt = new BigInteger(1, saltBytes);
    String saltHex = salt.toString(16);
    BigInteger x = SrpClient.x(metadata.deviceGroupKey(), metadata.deviceKey(), password, saltHex);
    BigInteger verifier = SrpClient.G.modPow(x, SrpClient.N);
    boolean necessary =
        cognito
            .confirmDevice(
                b ->
                    b.accessToken(accessToken)
                        .deviceKey(metadata.deviceKey())
                        .deviceName(name)
                        .deviceSecretVerifierConfig(
                            c ->
                                c.salt(Base64.getEncoder().encodeToString(SrpClient.pad(salt)))
                                    .passwordVerifier(
                                        Base64.getEncoder()
                                            .encodeToString(SrpClient.pad(verifier)))))
            .userConfirmationNecessary();
    assertEquals(expectConfirmationNecessary, necessary);
    return new DeviceSecret(metadata.deviceKey(), metadata.deviceGroupKey(), password);
  }

  /** DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER with the device's password (or a wrong one). */
  private RespondToAuthChallengeResponse deviceSrp(
      String clientId, String session, String username, DeviceSecret device, String password) {
    SrpClient srp = SrpClient.random();
    RespondToAuthChallengeResponse verifier =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.DEVICE_SRP_AUTH)
                    .session(session)
                    .challengeResponses(
                        Map.of(
                            "USERNAME",
                            username,
                            "DEVICE_KEY",
                            device.key(),
                            "SRP_A",
                            srp.srpA())));
    assertEquals(ChallengeNameType.DEVICE_PASSWORD_VERIFIER, verifier.challengeName());
    Map<String, String> p = verifier.challengeParameters();
    assertEquals(device.key(), p.get("DEVICE_KEY"));
    assertEquals(username, p.get("USERNAME"));
    assertNotNull(verifier.session());
    String timestamp = SrpClient.timestamp(Instant.now());
    byte[] key = srp.key(device.groupKey(), device.key(), password, p.get("SALT"), p.get("SRP_B"));
    String signature =
        SrpClient.signature(key, device.groupKey(), device.key(), p.get("SECRET_BLOCK"), timestamp);
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER)
                .session(verifier.session())
                .challengeResponses(
                    Map.of(
                        "USERNAME",
                        username,
                        "DEVICE_KEY",
                        device.key(),
                        "TIMESTAMP",
                        timestamp,
                        "PASSWORD_CLAIM_SECRET_BLOCK",
                        p.get("SECRET_BLOCK"),
                        "PASSWORD_CLAIM_SIGNATURE",
                        signature)));
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static Map<String, String> attributes(DeviceType device) {
    return device.deviceAttributes().stream()
        .collect(Collectors.toMap(a -> a.name(), a -> a.value()));
  }

  @Test
  void whenAPoolTracksDevicesThenSignInHandsOutANewDeviceAndConfirmDeviceRemembersIt()
      throws Exception {
    String poolId = pool(true, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "alice");

    AuthenticationResultType tokens = signIn(clientId, "alice", null).authenticationResult();
    NewDeviceMetadataType metadata = tokens.newDeviceMetadata();
    assertNotNull(metadata);
    assertTrue(
        metadata
            .deviceKey()
            .matches("us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        metadata.deviceKey());
    assertTrue(metadata.deviceGroupKey().matches("[A-Za-z0-9_-]{9}"), metadata.deviceGroupKey());
    assertEquals(metadata.deviceKey(), claims(tokens.accessToken()).path("device_key").asText());

    confirm(tokens.accessToken(), metadata, "Alice's laptop", false);

    DeviceType device =
        cognito
            .getDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(metadata.deviceKey()))
            .device();
    assertEquals(metadata.deviceKey(), device.deviceKey());
    Map<String, String> attributes = attributes(device);
    assertEquals("valid", attributes.get("device_status"));
    assertEquals("Alice's laptop", attributes.get("device_name"));
    assertEquals("remembered", attributes.get("dev:device_remembered_status"));
    assertEquals("127.0.0.1", attributes.get("last_ip_used"));
    assertEquals("alice." + poolId, attributes.get("dev:device_owner"));
    assertEquals(
        "arn:aws:cognito-idp:us-east-1:123456789012:owner/alice."
            + poolId
            + "/device/"
            + metadata.deviceKey(),
        attributes.get("dev:device_arn"));
    assertFalse(
        attributes.containsKey("salt")
            || attributes.values().stream().anyMatch(v -> v.length() > 300),
        "no verifier or salt in the device attributes");
    assertNotNull(device.deviceCreateDate());
    assertNotNull(device.deviceLastModifiedDate());
    assertNotNull(device.deviceLastAuthenticatedDate());

    assertEquals(
        List.of(metadata.deviceKey()),
        cognito.listDevices(b -> b.accessToken(tokens.accessToken())).devices().stream()
            .map(DeviceType::deviceKey)
            .toList());
    assertEquals(
        List.of(metadata.deviceKey()),
        cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice")).devices().stream()
            .map(DeviceType::deviceKey)
            .toList());
  }

  @Test
  void whenTheSignInPresentsTheDeviceThenDeviceSrpEndsInTokensOnThatDevice() throws Exception {
    String poolId = pool(true, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "bob");
    AuthenticationResultType first = signIn(clientId, "bob", null).authenticationResult();
    DeviceSecret device = confirm(first.accessToken(), first.newDeviceMetadata(), "phone", false);
    Instant before =
        cognito
            .adminGetDevice(b -> b.userPoolId(poolId).username("bob").deviceKey(device.key()))
            .device()
            .deviceLastAuthenticatedDate();

    InitiateAuthResponse started = signIn(clientId, "bob", device.key());
    assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, started.challengeName());
    assertNotNull(started.session());
    assertNull(started.authenticationResult());

    Thread.sleep(5); // the dates have millisecond precision
    RespondToAuthChallengeResponse done =
        deviceSrp(clientId, started.session(), "bob", device, device.password());
    AuthenticationResultType tokens = done.authenticationResult();
    assertNotNull(tokens.accessToken());
    assertNotNull(tokens.refreshToken());
    assertNull(tokens.newDeviceMetadata(), "a known device is not new");
    assertEquals(device.key(), claims(tokens.accessToken()).path("device_key").asText());
    Instant after =
        cognito
            .adminGetDevice(b -> b.userPoolId(poolId).username("bob").deviceKey(device.key()))
            .device()
            .deviceLastAuthenticatedDate();
    assertTrue(after.isAfter(before), before + " then " + after);
  }

  @Test
  void whenTokensComeFromDeviceAuthenticationThenPreTokenGenerationIsToldSo() {
    lambda.allow("pretoken");
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName("devices-triggers")
                        .deviceConfiguration(
                            c ->
                                c.challengeRequiredOnNewDevice(true)
                                    .deviceOnlyRememberedOnUserPrompt(false))
                        .lambdaConfig(c -> c.preTokenGeneration(FakeLambda.arn("pretoken"))))
            .userPool()
            .id();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "bea");
    AuthenticationResultType first = signIn(clientId, "bea", null).authenticationResult();
    assertEquals(
        "TokenGeneration_Authentication",
        lambda.lastEvent("pretoken").get("triggerSource").asText());
    DeviceSecret device = confirm(first.accessToken(), first.newDeviceMetadata(), "watch", false);

    String session = signIn(clientId, "bea", device.key()).session();
    assertNotNull(
        deviceSrp(clientId, session, "bea", device, device.password()).authenticationResult());
    assertEquals(
        "TokenGeneration_AuthenticateDevice",
        lambda.lastEvent("pretoken").get("triggerSource").asText());
  }

  /**
   * A device-tracking pool with SMS MFA OPTIONAL and a user "mo" with a phone who prefers SMS_MFA.
   */
  private String smsMfaPool(boolean challengeRequiredOnNewDevice) {
    String poolId = pool(challengeRequiredOnNewDevice, false);
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(
                    m ->
                        m.smsAuthenticationMessage("Sign-in code {####}")
                            .smsConfiguration(
                                c ->
                                    c.snsCallerArn("arn:aws:iam::123456789012:role/sns")
                                        .externalId("x"))));
    confirmedUser(
        cognito,
        poolId,
        "mo",
        AttributeType.builder().name("phone_number").value("+15555550199").build());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("mo")
                .smsMfaSettings(m -> m.enabled(true).preferredMfa(true)));
    return poolId;
  }

  private String lastCode(String poolId, String username) throws Exception {
    List<JsonNode> messages = server.messages(poolId, username);
    return messages.get(messages.size() - 1).get("code").asText();
  }

  /** Signs in with the SMS code (passing DEVICE_KEY on when given) and answers what follows. */
  private RespondToAuthChallengeResponse smsCode(
      String clientId, String poolId, String session, String deviceKey) throws Exception {
    Map<String, String> responses =
        new HashMap<>(Map.of("USERNAME", "mo", "SMS_MFA_CODE", lastCode(poolId, "mo")));
    if (deviceKey != null) {
      responses.put("DEVICE_KEY", deviceKey);
    }
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.SMS_MFA)
                .session(session)
                .challengeResponses(responses));
  }

  @Test
  void whenARememberedDeviceSignsInWhereNewDevicesNeedMfaThenDeviceSrpReplacesTheSmsCode()
      throws Exception {
    String poolId = smsMfaPool(true);
    String clientId = client(poolId);
    InitiateAuthResponse first = signIn(clientId, "mo", null);
    assertEquals(
        ChallengeNameType.SMS_MFA, first.challengeName(), "a new device needs the second factor");
    AuthenticationResultType tokens =
        smsCode(clientId, poolId, first.session(), null).authenticationResult();
    DeviceSecret device = confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "phone", false);
    int messages = server.messages(poolId, "mo").size();

    InitiateAuthResponse again = signIn(clientId, "mo", device.key());
    assertEquals(
        ChallengeNameType.DEVICE_SRP_AUTH,
        again.challengeName(),
        "the remembered device replaces MFA");
    AuthenticationResultType onDevice =
        deviceSrp(clientId, again.session(), "mo", device, device.password())
            .authenticationResult();
    assertEquals(device.key(), claims(onDevice.accessToken()).path("device_key").asText());
    assertEquals(messages, server.messages(poolId, "mo").size(), "no SMS code was sent");

    cognito.adminUpdateDeviceStatus(
        b ->
            b.userPoolId(poolId)
                .username("mo")
                .deviceKey(device.key())
                .deviceRememberedStatus(DeviceRememberedStatusType.NOT_REMEMBERED));
    assertEquals(
        ChallengeNameType.SMS_MFA,
        signIn(clientId, "mo", device.key()).challengeName(),
        "a device that is not remembered does not replace MFA");
  }

  @Test
  void whenNewDevicesNeedNoChallengeThenMfaComesFirstAndDeviceSrpAfterIt() throws Exception {
    String poolId = smsMfaPool(false);
    String clientId = client(poolId);
    InitiateAuthResponse first = signIn(clientId, "mo", null);
    AuthenticationResultType tokens =
        smsCode(clientId, poolId, first.session(), null).authenticationResult();
    DeviceSecret device = confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "phone", false);

    InitiateAuthResponse again = signIn(clientId, "mo", device.key());
    assertEquals(ChallengeNameType.SMS_MFA, again.challengeName());
    RespondToAuthChallengeResponse afterCode =
        smsCode(clientId, poolId, again.session(), device.key());
    assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, afterCode.challengeName());
    AuthenticationResultType onDevice =
        deviceSrp(clientId, afterCode.session(), "mo", device, device.password())
            .authenticationResult();
    assertEquals(device.key(), claims(onDevice.accessToken()).path("device_key").asText());
    assertNull(onDevice.newDeviceMetadata());
  }

  @Test
  void whenTheDeviceProofIsWrongThenNotAuthorized() {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "carol");
    AuthenticationResultType first = signIn(clientId, "carol", null).authenticationResult();
    DeviceSecret device = confirm(first.accessToken(), first.newDeviceMetadata(), "tablet", false);

    String session = signIn(clientId, "carol", device.key()).session();
    NotAuthorizedException e =
        assertThrows(
            NotAuthorizedException.class,
            () -> deviceSrp(clientId, session, "carol", device, "not-the-device-password"));
    assertEquals("Incorrect username or password.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheDeviceKeyIsNotTheUsersThenResourceNotFound() {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "dave");
    confirmedUser(cognito, poolId, "erin");
    AuthenticationResultType daves = signIn(clientId, "dave", null).authenticationResult();
    DeviceSecret device = confirm(daves.accessToken(), daves.newDeviceMetadata(), "daves", false);

    ResourceNotFoundException e =
        assertThrows(ResourceNotFoundException.class, () -> signIn(clientId, "erin", device.key()));
    assertEquals("Device does not exist.", e.awsErrorDetails().errorMessage());
    AuthenticationResultType erins = signIn(clientId, "erin", null).authenticationResult();
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.getDevice(b -> b.accessToken(erins.accessToken()).deviceKey(device.key())));
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.confirmDevice(
                b ->
                    b.accessToken(erins.accessToken())
                        .deviceKey(device.key())
                        .deviceSecretVerifierConfig(c -> c.salt("AAEC").passwordVerifier("AAEC"))));
  }

  @Test
  void whenARefreshTokenWasIssuedOnADeviceThenItRefreshesOnlyWithThatDeviceKey() throws Exception {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "fay");
    AuthenticationResultType first = signIn(clientId, "fay", null).authenticationResult();
    String deviceKey = first.newDeviceMetadata().deviceKey();

    NotAuthorizedException without =
        assertThrows(
            NotAuthorizedException.class,
            () ->
                cognito.initiateAuth(
                    b ->
                        b.clientId(clientId)
                            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                            .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))));
    assertEquals("Invalid Refresh Token", without.awsErrorDetails().errorMessage());
    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(
                            Map.of(
                                "REFRESH_TOKEN",
                                first.refreshToken(),
                                "DEVICE_KEY",
                                "us-east-1_other"))));

    AuthenticationResultType refreshed =
        cognito
            .initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(
                            Map.of("REFRESH_TOKEN", first.refreshToken(), "DEVICE_KEY", deviceKey)))
            .authenticationResult();
    assertEquals(deviceKey, claims(refreshed.accessToken()).path("device_key").asText());
    assertNull(refreshed.newDeviceMetadata());
  }

  @Test
  void whenGetTokensFromRefreshTokenRedeemsADevicesTokenThenItMustNameTheDevice() throws Exception {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "fred");
    AuthenticationResultType first = signIn(clientId, "fred", null).authenticationResult();
    String deviceKey = first.newDeviceMetadata().deviceKey();

    NotAuthorizedException without =
        assertThrows(
            NotAuthorizedException.class,
            () ->
                cognito.getTokensFromRefreshToken(
                    b -> b.clientId(clientId).refreshToken(first.refreshToken())));
    assertEquals("Invalid Refresh Token.", without.awsErrorDetails().errorMessage());

    AuthenticationResultType refreshed =
        cognito
            .getTokensFromRefreshToken(
                b -> b.clientId(clientId).refreshToken(first.refreshToken()).deviceKey(deviceKey))
            .authenticationResult();
    assertEquals(deviceKey, claims(refreshed.accessToken()).path("device_key").asText());
  }

  @Test
  void whenThePoolRemembersOnlyOnPromptThenTheUserOptsInWithUpdateDeviceStatus() {
    String poolId = pool(false, true);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "gus");
    AuthenticationResultType tokens = signIn(clientId, "gus", null).authenticationResult();
    DeviceSecret device =
        confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "desktop", true);

    assertTrue(cognito.listDevices(b -> b.accessToken(tokens.accessToken())).devices().isEmpty());
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.getDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(device.key())));
    DeviceType admin =
        cognito
            .adminGetDevice(b -> b.userPoolId(poolId).username("gus").deviceKey(device.key()))
            .device();
    assertEquals("not_remembered", attributes(admin).get("dev:device_remembered_status"));

    cognito.updateDeviceStatus(
        b ->
            b.accessToken(tokens.accessToken())
                .deviceKey(device.key())
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED));
    assertEquals(1, cognito.listDevices(b -> b.accessToken(tokens.accessToken())).devices().size());
    assertEquals(
        "remembered",
        attributes(
                cognito
                    .getDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(device.key()))
                    .device())
            .get("dev:device_remembered_status"));

    cognito.adminUpdateDeviceStatus(
        b ->
            b.userPoolId(poolId)
                .username("gus")
                .deviceKey(device.key())
                .deviceRememberedStatus(DeviceRememberedStatusType.NOT_REMEMBERED));
    assertTrue(cognito.listDevices(b -> b.accessToken(tokens.accessToken())).devices().isEmpty());
  }

  @Test
  void whenThereAreMoreDevicesThanTheLimitThenPaginationTokenWalksThemAll() {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "hal");
    String accessToken = null;
    for (int i = 0; i < 3; i++) {
      AuthenticationResultType tokens = signIn(clientId, "hal", null).authenticationResult();
      confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "device " + i, false);
      accessToken = tokens.accessToken();
    }
    String token = accessToken;

    ListDevicesResponse first = cognito.listDevices(b -> b.accessToken(token).limit(2));
    assertEquals(2, first.devices().size());
    assertNotNull(first.paginationToken());
    ListDevicesResponse second =
        cognito.listDevices(
            b -> b.accessToken(token).limit(2).paginationToken(first.paginationToken()));
    assertEquals(1, second.devices().size());
    assertNull(second.paginationToken());
    assertNotEquals(first.devices().get(0).deviceKey(), second.devices().get(0).deviceKey());
    var adminPage = cognito.adminListDevices(b -> b.userPoolId(poolId).username("hal").limit(2));
    assertEquals(2, adminPage.devices().size());
    assertEquals(
        1,
        cognito
            .adminListDevices(
                b ->
                    b.userPoolId(poolId)
                        .username("hal")
                        .limit(2)
                        .paginationToken(adminPage.paginationToken()))
            .devices()
            .size());
    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listDevices(b -> b.accessToken(token).paginationToken("not-a-token")));
  }

  @Test
  void whenADeviceIsForgottenThenItIsGoneAndItsKeyNoLongerSignsIn() {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "ida");
    AuthenticationResultType a = signIn(clientId, "ida", null).authenticationResult();
    DeviceSecret one = confirm(a.accessToken(), a.newDeviceMetadata(), "one", false);
    AuthenticationResultType b2 = signIn(clientId, "ida", null).authenticationResult();
    DeviceSecret two = confirm(b2.accessToken(), b2.newDeviceMetadata(), "two", false);

    cognito.forgetDevice(b -> b.accessToken(a.accessToken()).deviceKey(one.key()));
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.getDevice(b -> b.accessToken(a.accessToken()).deviceKey(one.key())));
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.forgetDevice(b -> b.accessToken(a.accessToken()).deviceKey(one.key())));
    assertThrows(ResourceNotFoundException.class, () -> signIn(clientId, "ida", one.key()));

    cognito.adminForgetDevice(b -> b.userPoolId(poolId).username("ida").deviceKey(two.key()));
    assertTrue(
        cognito.adminListDevices(b -> b.userPoolId(poolId).username("ida")).devices().isEmpty());
  }

  @Test
  void whenADeviceIsConfirmedTwiceThenDeviceKeyExistsAndTheVerifierStays() {
    String poolId = pool(false, false);
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "jo");
    AuthenticationResultType tokens = signIn(clientId, "jo", null).authenticationResult();
    DeviceSecret device = confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "first", false);

    assertThrows(
        DeviceKeyExistsException.class,
        () -> confirm(tokens.accessToken(), tokens.newDeviceMetadata(), "second", false));
    assertEquals(
        "first",
        attributes(
                cognito
                    .getDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(device.key()))
                    .device())
            .get("device_name"));
    String session = signIn(clientId, "jo", device.key()).session();
    assertNotNull(
        deviceSrp(clientId, session, "jo", device, device.password()).authenticationResult());
  }

  @Test
  void whenThePoolDoesNotTrackDevicesThenNoNewDeviceMetadataAndDeviceKeyIsIgnored()
      throws Exception {
    String poolId = cognito.createUserPool(b -> b.poolName("no-devices")).userPool().id();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "kay");

    AuthenticationResultType tokens = signIn(clientId, "kay", null).authenticationResult();
    assertNull(tokens.newDeviceMetadata());
    assertFalse(claims(tokens.accessToken()).has("device_key"));
    assertNotNull(
        signIn(clientId, "kay", "us-east-1_00000000-0000-0000-0000-000000000000")
            .authenticationResult());
  }
}
