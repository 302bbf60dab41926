package dev.userpool.local;

import dev.userpool.protocol.WellKnownEndpoints;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests the local server answers at once, on the connection's event loop ({@link
 * NettyHttpServer.Handler#answersAtOnce}): the operations that only read the store and call nothing
 * else (no trigger, no message, no identity provider, no signing of tokens), and the small GET
 * endpoints, provided the store is in this process (memory or the data folder). With the data in
 * DynamoDB every request waits on the network, so none is answered at once. A request left out here
 * is merely handed to a worker thread; one wrongly listed would hold up the other connections of
 * its loop while it waits.
 */
final class AtOnceRequests {
  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

  /**
   * Reads of the store only. Left out although their names read like reads:
   * GetTokensFromRefreshToken (signs tokens, may call the pre-token-generation trigger),
   * GetUserAttributeVerificationCode (sends a code) and GetSigningCertificate (its first call for a
   * pool generates an RSA key pair and certificate, tens of milliseconds of CPU).
   */
  static final Set<String> OPERATIONS =
      Set.of(
          "AdminGetDevice",
          "AdminGetUser",
          "AdminListDevices",
          "AdminListGroupsForUser",
          "AdminListUserAuthEvents",
          "DescribeIdentityProvider",
          "DescribeManagedLoginBranding",
          "DescribeManagedLoginBrandingByClient",
          "DescribeResourceServer",
          "DescribeRiskConfiguration",
          "DescribeTerms",
          "DescribeUserImportJob",
          "DescribeUserPool",
          "DescribeUserPoolClient",
          "DescribeUserPoolDomain",
          "GetCSVHeader",
          "GetDevice",
          "GetGroup",
          "GetIdentityProviderByIdentifier",
          "GetLogDeliveryConfiguration",
          "GetUICustomization",
          "GetUser",
          "GetUserAuthFactors",
          "GetUserPoolMfaConfig",
          "ListDevices",
          "ListGroups",
          "ListIdentityProviders",
          "ListResourceServers",
          "ListTagsForResource",
          "ListTerms",
          "ListUserImportJobs",
          "ListUserPoolClientSecrets",
          "ListUserPoolClients",
          "ListUserPools",
          "ListUsers",
          "ListUsersInGroup",
          "ListWebAuthnCredentials");

  private final boolean storeInProcess;

  /**
   * @param storeInProcess whether the store answers from this process (not DynamoDB)
   */
  AtOnceRequests(boolean storeInProcess) {
    this.storeInProcess = storeInProcess;
  }

  boolean test(NettyHttpServer.Request request) {
    if (!storeInProcess) {
      return false;
    }
    String method = request.method().toUpperCase(Locale.ROOT);
    String path = request.uri().getPath();
    if (method.equals("POST") && "/".equals(path)) {
      String target = request.header("X-Amz-Target");
      return target != null
          && target.startsWith(TARGET_PREFIX)
          && OPERATIONS.contains(target.substring(TARGET_PREFIX.length()));
    }
    return method.equals("OPTIONS")
        || (method.equals("GET") && "/health".equals(path))
        || WellKnownEndpoints.matches(method, path);
  }
}
