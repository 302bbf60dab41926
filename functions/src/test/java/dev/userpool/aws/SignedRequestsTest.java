package dev.userpool.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class SignedRequestsTest {

  @Test
  void regionalEndpointsFollowThePartitionsDnsSuffix() {
    assertEquals(
        URI.create("https://lambda.us-east-1.amazonaws.com/"),
        SignedRequests.regionalEndpoint("lambda", "us-east-1"));
    assertEquals(
        URI.create("https://email.cn-north-1.amazonaws.com.cn/"),
        SignedRequests.regionalEndpoint("email", "cn-north-1"));
    assertEquals(
        URI.create("https://secretsmanager.xx-future-9.amazonaws.com/"),
        SignedRequests.regionalEndpoint("secretsmanager", "xx-future-9"));
  }

  @Test
  void signedRequestCarriesScopeDateAndSessionTokenButNoHostHeader() {
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("https://lambda.eu-west-1.amazonaws.com/"))
            .encodedPath("/2015-03-31/functions/f/invocations")
            .putRawQueryParameter("Qualifier", "live")
            .build();
    HttpRequest signed =
        SignedRequests.sign(
            unsigned,
            "{}",
            "lambda",
            "eu-west-1",
            StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIA1", "s", "tok")),
            Duration.ofSeconds(5));
    assertEquals(
        "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/f/invocations?Qualifier=live",
        signed.uri().toString());
    String authorization = signed.headers().firstValue("Authorization").orElseThrow();
    assertTrue(
        authorization.matches("AWS4-HMAC-SHA256 Credential=ASIA1/\\d{8}/eu-west-1/lambda/.*"),
        authorization);
    assertEquals("tok", signed.headers().firstValue("X-Amz-Security-Token").orElseThrow());
    assertTrue(signed.headers().firstValue("X-Amz-Date").isPresent());
    assertTrue(signed.headers().firstValue("Host").isEmpty());
  }
}
