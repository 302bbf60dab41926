package dev.userpool.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.lambda.ApiGatewayHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda function as one warm container, for {@link LambdaJarIT}: runs in a child JVM whose
 * class path is the shaded Lambda jar and this class only, and turns each HTTP request into the API
 * Gateway proxy event {@link ApiGatewayHandler} takes (what API Gateway does in front of the
 * function). The store is DynamoDB at the given endpoint (moto), codes of custom senders are
 * encrypted under KMS at the given endpoint, triggers are invoked at the given Lambda endpoint.
 *
 * <p>Arguments: DynamoDB endpoint, table, KMS endpoint, Lambda endpoint. Prints {@code port=N} once
 * it listens.
 */
public final class LambdaJarHost {
  private LambdaJarHost() {}

  public static void main(String[] args) throws IOException {
    AppConfig config =
        new AppConfig(
                "dynamodb",
                args[1],
                args[0],
                null,
                AppConfig.DEFAULT_ACCOUNT,
                AppConfig.DEFAULT_REGION,
                null)
            .withLambdaEndpoint(args[3])
            .withMessages(
                new AppConfig.Messages(null, null, null, null, null, null, true)
                    .withKmsEndpoint(args[2]));
    ApiGatewayHandler handler = new ApiGatewayHandler(Wiring.fromConfig(config));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", exchange -> answer(handler, exchange));
    server.start();
    System.out.println("port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void answer(ApiGatewayHandler handler, HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      APIGatewayProxyRequestEvent event =
          new APIGatewayProxyRequestEvent()
              .withHttpMethod(exchange.getRequestMethod())
              .withPath(exchange.getRequestURI().getPath())
              .withHeaders(headers)
              .withBody(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              .withIsBase64Encoded(false);
      APIGatewayProxyResponseEvent response;
      try {
        response = handler.handleRequest(event, null);
      } catch (RuntimeException | Error e) {
        // What Lambda would log for a failed invocation: a class the jar lacks shows up here.
        e.printStackTrace(System.out);
        System.out.flush();
        throw e;
      }
      if (response.getHeaders() != null) {
        response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      }
      byte[] body =
          response.getBody() == null
              ? new byte[0]
              : response.getBody().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
