package dev.userpool.local;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Pools, clients and users for the sign-in tests, made through the SDK as a customer would make
 * them.
 */
final class SignInFixtures {
  static final String PASSWORD = "Corr3ct-Horse!";
  static final List<ExplicitAuthFlowsType> ALL_FLOWS =
      List.of(
          ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
          ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
          ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

  private SignInFixtures() {}

  static String pool(
      CognitoIdentityProviderClient cognito, Consumer<CreateUserPoolRequest.Builder> settings) {
    return cognito.createUserPool(b -> settings.accept(b.poolName("signin"))).userPool().id();
  }

  static String pool(CognitoIdentityProviderClient cognito) {
    return pool(cognito, b -> {});
  }

  /** A client without secret allowing every implemented flow. */
  static UserPoolClientType client(CognitoIdentityProviderClient cognito, String poolId) {
    return client(cognito, poolId, b -> b.explicitAuthFlows(ALL_FLOWS));
  }

  static UserPoolClientType client(
      CognitoIdentityProviderClient cognito,
      String poolId,
      Consumer<CreateUserPoolClientRequest.Builder> settings) {
    return cognito
        .createUserPoolClient(b -> settings.accept(b.userPoolId(poolId).clientName("app")))
        .userPoolClient();
  }

  /** A CONFIRMED user with {@link #PASSWORD}. */
  static void confirmedUser(
      CognitoIdentityProviderClient cognito,
      String poolId,
      String username,
      AttributeType... attributes) {
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attributes));
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
  }

  static InitiateAuthResponse passwordSignIn(
      CognitoIdentityProviderClient cognito, String clientId, String username, String password) {
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  static String secretHash(String secret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies a token with nimbus-jose-jwt against the JWKS the server serves for the pool. */
  static JWTClaimsSet verifyWithJwks(String endpoint, String poolId, String token, String tokenUse)
      throws Exception {
    return verifyWithJwks(endpoint, endpoint, poolId, token, tokenUse);
  }

  /**
   * As above, for servers started with {@code --issuer-base-url}: the JWKS is fetched from {@code
   * endpoint}, the iss claim must name {@code issuerBaseUrl}.
   */
  static JWTClaimsSet verifyWithJwks(
      String endpoint, String issuerBaseUrl, String poolId, String token, String tokenUse)
      throws Exception {
    String issuer = issuerBaseUrl + "/" + poolId;
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            JWKSourceBuilder.create(
                    URI.create(endpoint + "/" + poolId + "/.well-known/jwks.json").toURL())
                .retrying(false)
                .build()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", tokenUse).build(),
            Set.of("exp", "iat", "sub", "jti", "auth_time", "origin_jti")));
    return processor.process(token, null);
  }
}
