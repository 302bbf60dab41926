package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.validation.ServiceModel;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtOnceRequestsTest {
  private final AtOnceRequests inProcess = new AtOnceRequests(true);

  private static NettyHttpServer.Request post(String target) {
    return new NettyHttpServer.Request(
        "POST",
        URI.create("/"),
        Map.of("X-amz-target", List.of("AWSCognitoIdentityProviderService." + target)),
        InputStream.nullInputStream(),
        new InetSocketAddress(0));
  }

  private static NettyHttpServer.Request request(String method, String path) {
    return new NettyHttpServer.Request(
        method,
        URI.create(path),
        Map.of(),
        InputStream.nullInputStream(),
        new InetSocketAddress(0));
  }

  @Test
  void everyListedOperationIsOneOfTheServiceModel() {
    ServiceModel model = ServiceModel.load();
    for (String name : AtOnceRequests.OPERATIONS) {
      assertTrue(model.hasOperation(name), name);
    }
  }

  @Test
  void whenStoreIsInThisProcessThenReadsAreAnsweredAtOnce() {
    for (String read : List.of("AdminGetUser", "GetUser", "ListUsers", "DescribeUserPool")) {
      assertTrue(inProcess.test(post(read)), read);
    }
    assertTrue(inProcess.test(request("GET", "/health")));
    assertTrue(inProcess.test(request("OPTIONS", "/")));
    assertTrue(inProcess.test(request("GET", "/us-east-1_abc/.well-known/jwks.json")));
  }

  @Test
  void whenOperationMayCallOutOrSignThenItGoesToAWorker() {
    for (String other :
        List.of(
            "InitiateAuth",
            "SignUp",
            "AdminCreateUser",
            "GetTokensFromRefreshToken",
            "GetUserAttributeVerificationCode",
            "GetSigningCertificate",
            "CreateUserPool",
            "Nonexistent")) {
      assertFalse(inProcess.test(post(other)), other);
    }
    assertFalse(inProcess.test(request("POST", "/")), "no target");
    assertFalse(inProcess.test(request("GET", "/oauth2/authorize")));
    assertFalse(inProcess.test(request("POST", "/oauth2/token")));
  }

  @Test
  void whenDataIsInDynamoDbThenNothingIsAnsweredAtOnce() {
    AtOnceRequests dynamoDb = new AtOnceRequests(false);
    assertFalse(dynamoDb.test(post("AdminGetUser")));
    assertFalse(dynamoDb.test(request("GET", "/health")));
  }
}
