package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.client;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Groups made and joined with the real CreateGroup / AdminAddUserToGroup reach the tokens (sources
 * §6.3, §6.4): cognito:groups in precedence order in both tokens, cognito:roles and
 * cognito:preferred_role in the ID token only, and refreshed tokens see membership changes. Tokens
 * are verified against the served JWKS with nimbus.
 */
class GroupsInTokensIT {
  private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/admin";
  private static final String STAFF_ROLE = "arn:aws:iam::123456789012:role/staff";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private String poolId;
  private String clientId;

  private void poolWithAlice() {
    poolId = SignInFixtures.pool(cognito);
    clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
  }

  private void group(String name, Integer precedence, String roleArn) {
    cognito.createGroup(
        b -> b.userPoolId(poolId).groupName(name).precedence(precedence).roleArn(roleArn));
  }

  private void join(String group) {
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName(group));
  }

  private JWTClaimsSet verify(String token, String use) throws Exception {
    return SignInFixtures.verifyWithJwks(server.endpoint(), poolId, token, use);
  }

  @Test
  void whenUserIsInGroupsThenTokensListThemByPrecedenceWithRolesAndPreferredRole()
      throws Exception {
    poolWithAlice();
    group("readers", null, null);
    group("staff", 5, STAFF_ROLE);
    group("admins", 1, ADMIN_ROLE);
    group("beta", 3, null);
    join("readers");
    join("staff");
    join("admins");
    join("beta");

    AuthenticationResultType tokens =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult();

    JWTClaimsSet id = verify(tokens.idToken(), "id");
    assertEquals(
        List.of("admins", "beta", "staff", "readers"), id.getStringListClaim("cognito:groups"));
    assertEquals(List.of(ADMIN_ROLE, STAFF_ROLE), id.getStringListClaim("cognito:roles"));
    assertEquals(ADMIN_ROLE, id.getStringClaim("cognito:preferred_role"));
    JWTClaimsSet access = verify(tokens.accessToken(), "access");
    assertEquals(
        List.of("admins", "beta", "staff", "readers"), access.getStringListClaim("cognito:groups"));
    assertFalse(access.getClaims().containsKey("cognito:roles"));
    assertFalse(access.getClaims().containsKey("cognito:preferred_role"));
  }

  @Test
  void whenTwoGroupsShareTheLowestPrecedenceWithDifferentRolesThenNoPreferredRole()
      throws Exception {
    poolWithAlice();
    group("admins", 1, ADMIN_ROLE);
    group("staff", 1, STAFF_ROLE);
    join("staff");
    join("admins");

    JWTClaimsSet id =
        verify(
            passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult().idToken(),
            "id");

    assertEquals(List.of("admins", "staff"), id.getStringListClaim("cognito:groups"));
    assertEquals(List.of(ADMIN_ROLE, STAFF_ROLE), id.getStringListClaim("cognito:roles"));
    assertFalse(id.getClaims().containsKey("cognito:preferred_role"));
  }

  @Test
  void whenUserIsInNoGroupThenNoGroupClaims() throws Exception {
    poolWithAlice();
    group("admins", 1, ADMIN_ROLE);

    AuthenticationResultType tokens =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult();

    JWTClaimsSet id = verify(tokens.idToken(), "id");
    for (String claim : List.of("cognito:groups", "cognito:roles", "cognito:preferred_role")) {
      assertFalse(id.getClaims().containsKey(claim), claim);
    }
    assertFalse(verify(tokens.accessToken(), "access").getClaims().containsKey("cognito:groups"));
  }

  @Test
  void whenMembershipChangesThenRefreshedTokensFollow() throws Exception {
    poolWithAlice();
    group("admins", 1, ADMIN_ROLE);
    group("staff", 5, STAFF_ROLE);
    join("admins");
    join("staff");
    String refreshToken =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult().refreshToken();

    cognito.adminRemoveUserFromGroup(
        b -> b.userPoolId(poolId).username("alice").groupName("admins"));
    AuthenticationResultType refreshed =
        cognito
            .initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
            .authenticationResult();

    JWTClaimsSet id = verify(refreshed.idToken(), "id");
    assertEquals(List.of("staff"), id.getStringListClaim("cognito:groups"));
    assertEquals(List.of(STAFF_ROLE), id.getStringListClaim("cognito:roles"));
    assertEquals(STAFF_ROLE, id.getStringClaim("cognito:preferred_role"));
    assertEquals(
        List.of("staff"),
        verify(refreshed.accessToken(), "access").getStringListClaim("cognito:groups"));
  }
}
