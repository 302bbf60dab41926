package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shade filters of functions/pom.xml leave out parts of libraries (aws-lambda-java-events,
 * commons-lang3, BouncyCastle, webauthn4j's unused attestation verifiers, the DynamoDB Streams
 * client). Starting from our classes, every class the shaded jar's classes name in their constant
 * pools (class references and descriptors), transitively, must be in the jar — except the optional
 * dependencies listed here, which the libraries load only on paths we never take. A filter that
 * drops a class something kept still names fails here, before any path at run time could.
 */
class LambdaJarClosureIT {
  private static final Path LAMBDA_JAR =
      Path.of("..", "functions", "target", "userpool-functions-lambda.jar");

  /** Named by kept classes, absent on purpose; each with the reason it is never loaded. */
  private static final List<String> ABSENT_ON_PURPOSE =
      List.of(
          // The JDK.
          "java/",
          "javax/",
          "jdk/",
          "sun/",
          "com/sun/",
          "org/w3c/",
          "org/xml/",
          "org/ietf/",
          // Annotations, never loaded at run time.
          "com/google/errorprone/annotations/",
          "org/jetbrains/annotations/",
          "edu/umd/cs/findbugs/annotations/",
          // nimbus-jose-jwt: Tink for X25519/XChaCha20 JWE, BouncyCastle for PEM and X.509 parsing;
          // federation only verifies JWS with JWKs.
          "com/google/crypto/tink/",
          "org/bouncycastle/asn1/pkcs/",
          "org/bouncycastle/asn1/x509/",
          "org/bouncycastle/cert/",
          "org/bouncycastle/openssl/",
          // The SDK's CRT signer and checksums (SigV4a, CRC64): the JDK implementations are used.
          "software/amazon/awssdk/crt/",
          "software/amazon/awssdk/crtcore/",
          // webauthn4j's factory methods name every attestation verifier; PasskeyCeremonies passes
          // only 'none' and 'packed' (ADR 0019).
          "com/webauthn4j/verifier/attestation/statement/androidkey/",
          "com/webauthn4j/verifier/attestation/statement/androidsafetynet/",
          "com/webauthn4j/verifier/attestation/statement/apple/",
          "com/webauthn4j/verifier/attestation/statement/tpm/",
          "com/webauthn4j/verifier/attestation/statement/u2f/");

  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+);");

  @Test
  void everyClassThatOurCodeReachesNamesOnlyClassesInTheJar() throws IOException {
    Map<String, String> missing = new TreeMap<>(); // class -> a kept class that names it
    Set<String> reached = new HashSet<>();
    try (ZipFile jar = new ZipFile(LAMBDA_JAR.toFile())) {
      Map<String, ZipEntry> classes = new HashMap<>();
      jar.stream()
          .filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/"))
          .forEach(e -> classes.put(e.getName().substring(0, e.getName().length() - 6), e));
      Deque<String> todo = new ArrayDeque<>();
      classes.keySet().stream().filter(c -> c.startsWith("dev/userpool/")).forEach(todo::add);
      while (!todo.isEmpty()) {
        String name = todo.pop();
        if (!reached.add(name)) {
          continue;
        }
        for (String named : namedClasses(jar.getInputStream(classes.get(name)).readAllBytes())) {
          if (classes.containsKey(named)) {
            if (!reached.contains(named)) {
              todo.push(named);
            }
          } else if (ABSENT_ON_PURPOSE.stream().noneMatch(named::startsWith)) {
            missing.putIfAbsent(named, name);
          }
        }
      }
    }
    assertEquals(Map.of(), missing, "classes named by the shaded jar but left out of it");
    // The walk really covered the libraries (SDK, Jackson, webauthn4j, Encryption SDK): thousands.
    assertTrue(reached.size() > 5_000, "reached only " + reached.size() + " classes");
  }

  /** Internal names of the classes a class file names: class constants and descriptors. */
  static Set<String> namedClasses(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.skipBytes(8); // magic, minor, major
    int count = in.readUnsignedShort();
    Map<Integer, String> utf8 = new HashMap<>();
    Set<Integer> classIndexes = new HashSet<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8.put(i, in.readUTF());
        case 7 -> classIndexes.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // longs and doubles take two slots
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    Set<String> named = new HashSet<>();
    for (int index : classIndexes) {
      String name = utf8.get(index);
      if (name.startsWith("[")) {
        Matcher m = DESCRIPTOR_CLASS.matcher(name);
        while (m.find()) {
          named.add(m.group(1));
        }
      } else {
        named.add(name);
      }
    }
    for (String text : utf8.values()) {
      Matcher m = DESCRIPTOR_CLASS.matcher(text);
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    return named;
  }
}
