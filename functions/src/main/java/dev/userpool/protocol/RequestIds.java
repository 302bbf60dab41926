package dev.userpool.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in Cognito's form (a random version-4 UUID). They name a request in logs and answers
 * and guard nothing, so they come from {@link ThreadLocalRandom}: {@link UUID#randomUUID} draws
 * from the shared SecureRandom, whose lock and system calls cost every request about as much as the
 * user lookup of a read.
 */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }
}
