package dev.userpool.imports;

import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserImportJob;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.operations.pools.GetCSVHeader;
import dev.userpool.operations.users.AttributeRules;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.store.ImportJobStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UniqueKeyTakenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Runs one user import job: InProgress, then Succeeded, Failed or Stopped.
 *
 * <p>The CSV is read twice, both times as a stream: the first pass checks what would fail the whole
 * job (the header must hold exactly GetCSVHeader's columns, in any order — developer guide,
 * "Creating the user import CSV file"; the file must be UTF-8; quotes must close), so a bad file
 * imports nobody. The second pass creates one user per row through the same store call as
 * AdminCreateUser (unique keys and aliases claimed atomically with the user), in RESET_REQUIRED
 * without a password (developer guide, "Importing users into user pools from a CSV file"). A row
 * either becomes a whole user or nothing: a row that breaks a rule counts as failed, one whose
 * username exists counts as skipped (our reading of SkippedUsers; unconfirmed). Stopping is checked
 * every 500 rows, where the counts are written; those counts are also where a resumed run (the
 * Lambda's continuation or retry) starts.
 */
public final class CsvImport {
  /** Cognito's limit of characters per CSV row. */
  static final int MAX_ROW_CHARS = 16_000;

  /** Rows between progress writes (and checks for a stop request). */
  private static final int PROGRESS_EVERY = 500;

  private final ImportJobStore jobs;
  private final CsvUploads uploads;
  private final UserDirectory directory;
  private final SecureRandom random;
  private final Clock clock;

  public CsvImport(
      ImportJobStore jobs,
      CsvUploads uploads,
      UserDirectory directory,
      SecureRandom random,
      Clock clock) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.directory = directory;
    this.random = random;
    this.clock = clock;
  }

  /** What a run left to do. */
  public enum Outcome {
    /** The job ended (or another run owns it): nothing more to do. */
    DONE,
    /** Time ran out: the progress is written, and a new run continues from it. */
    CONTINUE
  }

  /** Runs the job to its end; never throws (an unexpected error fails the job). */
  public void run(UserPool pool, String jobId) {
    run(pool, jobId, () -> false);
  }

  /**
   * Runs the job until it ends or {@code timeUp} says so (checked between rows). A job already
   * InProgress is resumed: the rows its counts cover are passed over, so a retried or continued run
   * imports each row once; rows between the last progress write and a crash are met again and count
   * as skipped (their users exist). Never throws.
   */
  public Outcome run(UserPool pool, String jobId, BooleanSupplier timeUp) {
    try {
      Optional<UserImportJob> running =
          transition(
              pool.id(),
              jobId,
              j ->
                  j.status().equals(UserImportJob.PENDING)
                      ? j.withStatus(UserImportJob.IN_PROGRESS)
                      : j);
      if (running.isEmpty() || !running.get().status().equals(UserImportJob.IN_PROGRESS)) {
        if (running.isPresent() && running.get().status().equals(UserImportJob.STOPPING)) {
          finishIfStopping(pool.id(), jobId);
          uploads.discard(pool.id(), jobId);
        }
        return Outcome.DONE;
      }
      UserImportJob job = running.get();
      if (rowsDone(job) == 0) {
        Optional<String> refusal = checkFile(pool, jobId);
        if (refusal.isPresent()) {
          finish(pool.id(), jobId, UserImportJob.FAILED, refusal.get(), null);
          uploads.discard(pool.id(), jobId);
          return Outcome.DONE;
        }
      }
      Outcome outcome = importRows(pool, job, timeUp);
      if (outcome == Outcome.DONE
          && jobs.find(pool.id(), jobId).map(UserImportJob::isFinished).orElse(true)) {
        uploads.discard(pool.id(), jobId);
      }
      return outcome;
    } catch (RuntimeException | IOException e) {
      Log.LOG.log(System.Logger.Level.ERROR, "import job " + jobId + " failed", e);
      finish(
          pool.id(),
          jobId,
          UserImportJob.FAILED,
          "The import failed unexpectedly: " + e.getClass().getSimpleName(),
          null);
      return Outcome.DONE;
    }
  }

  private static long rowsDone(UserImportJob job) {
    return job.importedUsers() + job.skippedUsers() + job.failedUsers();
  }

  /** The whole-file check: a message when the job must fail without importing anyone. */
  private Optional<String> checkFile(UserPool pool, String jobId) throws IOException {
    if (pool.view().autoVerifiedAttributes().isEmpty()) {
      return Optional.of(
          "The user pool has no auto-verified attribute (email or phone_number), so imported users "
              + "could not reset their passwords.");
    }
    Optional<InputStream> file =
        uploads.seal(pool.id(), jobId) ? uploads.open(pool.id(), jobId) : Optional.empty();
    if (file.isEmpty()) {
      return Optional.of("No CSV file was uploaded to the job's PreSignedUrl.");
    }
    try (Reader reader = utf8(file.get())) {
      CsvRecords records = new CsvRecords(reader, MAX_ROW_CHARS);
      CsvRecords.Record header = records.next();
      if (header == null) {
        return Optional.of("The CSV file is empty.");
      }
      Optional<String> headerProblem = headerProblem(pool, header);
      if (headerProblem.isPresent()) {
        return headerProblem;
      }
      while (records.next() != null) {
        // reading to the end proves the encoding and the quoting of the whole file
      }
    } catch (CharacterCodingException e) {
      return Optional.of("The CSV file is not valid UTF-8.");
    } catch (CsvRecords.UnterminatedQuoteException e) {
      return Optional.of("The CSV file is malformed: " + e.getMessage() + ".");
    }
    return Optional.empty();
  }

  private static Optional<String> headerProblem(UserPool pool, CsvRecords.Record header) {
    if (header.oversized()) {
      return Optional.of("The CSV header is longer than " + MAX_ROW_CHARS + " characters.");
    }
    List<String> expected = GetCSVHeader.columns(pool);
    Set<String> given = new HashSet<>();
    for (String column : header.fields()) {
      String name = column(column);
      if (!given.add(name)) {
        return Optional.of("The CSV header names column " + name + " twice.");
      }
      if (!expected.contains(name)) {
        return Optional.of(
            "The CSV header has column " + name + ", which is not in GetCSVHeader's header.");
      }
    }
    for (String column : expected) {
      if (!given.contains(column)) {
        return Optional.of(
            "The CSV header lacks column " + column + " (use the columns GetCSVHeader returns).");
      }
    }
    return Optional.empty();
  }

  private Outcome importRows(UserPool pool, UserImportJob job, BooleanSupplier timeUp)
      throws IOException {
    String jobId = job.jobId();
    long[] counts = {job.importedUsers(), job.skippedUsers(), job.failedUsers()};
    long[] written = counts.clone();
    String firstFailure = null;
    InputStream file = uploads.open(pool.id(), jobId).orElseThrow();
    try (Reader reader = utf8(file)) {
      CsvRecords records = new CsvRecords(reader, MAX_ROW_CHARS);
      List<String> header = records.next().fields().stream().map(CsvImport::column).toList();
      AttributeRules rules = AttributeRules.of(pool);
      long rows = 0;
      for (long done = rowsDone(job); rows < done && records.next() != null; rows++) {
        // rows an earlier run of this job has counted
      }
      CsvRecords.Record row;
      while ((row = records.next()) != null) {
        String outcome = importRow(pool, rules, header, row);
        if (outcome == null) {
          counts[0]++;
        } else if (outcome.equals(SKIPPED)) {
          counts[1]++;
        } else {
          counts[2]++;
          Log.LOG.log(
              System.Logger.Level.INFO,
              "import job " + jobId + ": line " + row.line() + " failed: " + outcome);
          if (firstFailure == null) {
            firstFailure = "line " + row.line() + ": " + outcome;
          }
        }
        boolean pause = timeUp.getAsBoolean();
        if (++rows % PROGRESS_EVERY == 0 || pause) {
          Progress progress = progress(pool.id(), jobId, written, counts);
          if (progress == Progress.TAKEN_OVER) {
            return Outcome.DONE;
          }
          if (progress == Progress.STOP) {
            finish(pool.id(), jobId, UserImportJob.STOPPED, "Stopped. " + counts(counts), counts);
            return Outcome.DONE;
          }
          written = counts.clone();
          if (pause) {
            return Outcome.CONTINUE;
          }
        }
      }
    }
    String message =
        counts(counts) + (firstFailure == null ? "" : " First failure: " + firstFailure);
    finish(pool.id(), jobId, UserImportJob.SUCCEEDED, message, counts);
    return Outcome.DONE;
  }

  private static final String SKIPPED = "skipped";

  /** Null when the row became a user, {@link #SKIPPED}, or why it failed. */
  private String importRow(
      UserPool pool, AttributeRules rules, List<String> header, CsvRecords.Record row) {
    if (row.oversized()) {
      return "the row is longer than " + MAX_ROW_CHARS + " characters";
    }
    if (row.fields().size() != header.size()) {
      return "the row has " + row.fields().size() + " fields, the header " + header.size();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    String username = null;
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      String value = row.fields().get(i);
      if (value.isEmpty()) {
        continue;
      }
      if (column.equals("cognito:username")) {
        username = value;
      } else if (column.equals("cognito:mfa_enabled")) {
        if (!isBoolean(value)) {
          return "cognito:mfa_enabled must be true or false";
        }
      } else {
        attributes.put(column, value);
      }
    }
    if (username == null) {
      return "cognito:username is empty";
    }
    for (String flag : List.of("email_verified", "phone_number_verified")) {
      String value = attributes.get(flag);
      if (value != null && !isBoolean(value)) {
        return flag + " must be true or false";
      }
      if (value != null) {
        attributes.put(flag, value.toLowerCase(Locale.ROOT));
      }
    }
    String verificationProblem =
        verificationProblem(pool.view().autoVerifiedAttributes(), attributes);
    if (verificationProblem != null) {
      return verificationProblem;
    }
    try {
      rules.checkCreate(attributes, Set.of());
    } catch (CognitoException e) {
      return e.getMessage();
    }
    String sub = Identifiers.sub(random);
    // With UsernameAttributes the username Cognito keeps is the sub, as for AdminCreateUser.
    String storedUsername = pool.view().usernameAttributes().isEmpty() ? username : sub;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("sub", sub);
    all.putAll(attributes);
    var now = clock.instant();
    User user =
        new User(
            pool.id(),
            storedUsername,
            sub,
            all,
            true,
            UserStatus.RESET_REQUIRED,
            now,
            now,
            null,
            Map.of(),
            0);
    try {
      directory.store().create(user, UserDirectory.keys(pool, user));
      return null;
    } catch (UniqueKeyTakenException e) {
      return e.key().kind() == UniqueKey.Kind.USERNAME
          ? SKIPPED
          : "another user already has this " + e.key().kind().name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Imported users reset their password through a verified email or phone: with one auto-verified
   * attribute that one must be verified, with both at least one (developer guide, "Formatting the
   * CSV file").
   */
  private static String verificationProblem(
      List<String> autoVerified, Map<String, String> attributes) {
    boolean any = false;
    for (String attribute : autoVerified) {
      boolean verified = "true".equals(attributes.get(attribute + "_verified"));
      if (verified && attributes.get(attribute) == null) {
        return attribute + "_verified is true but " + attribute + " is empty";
      }
      any |= verified;
    }
    return any
        ? null
        : String.join(" or ", autoVerified.stream().map(a -> a + "_verified").toList())
            + " must be true";
  }

  private static boolean isBoolean(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
  }

  private static String counts(long[] counts) {
    return "Imported " + counts[0] + ", skipped " + counts[1] + ", failed " + counts[2] + ".";
  }

  private enum Progress {
    WRITTEN,
    STOP,
    /** Another run of the job wrote progress since this one did (a duplicated event). */
    TAKEN_OVER
  }

  /** Writes the counts so far, unless a stop was requested or another run owns the job. */
  private Progress progress(String poolId, String jobId, long[] written, long[] counts) {
    Progress[] result = {Progress.STOP};
    transition(
        poolId,
        jobId,
        j -> {
          if (!j.status().equals(UserImportJob.IN_PROGRESS)) {
            result[0] = Progress.STOP;
            return j;
          }
          if (j.importedUsers() != written[0]
              || j.skippedUsers() != written[1]
              || j.failedUsers() != written[2]) {
            result[0] = Progress.TAKEN_OVER;
            return j;
          }
          result[0] = Progress.WRITTEN;
          return j.counting(counts[0], counts[1], counts[2]);
        });
    return result[0];
  }

  private void finishIfStopping(String poolId, String jobId) {
    transition(
        poolId,
        jobId,
        j ->
            j.status().equals(UserImportJob.STOPPING)
                ? j.finished(
                    UserImportJob.STOPPED,
                    clock.instant(),
                    // stopped between two invocations of a Lambda import, or before the first
                    rowsDone(j) == 0
                        ? "Stopped before it ran."
                        : "Stopped. "
                            + counts(
                                new long[] {j.importedUsers(), j.skippedUsers(), j.failedUsers()}))
                : j);
  }

  private void finish(String poolId, String jobId, String status, String message, long[] counts) {
    transition(
        poolId,
        jobId,
        j -> {
          if (j.isFinished()) {
            return j;
          }
          UserImportJob counted = counts == null ? j : j.counting(counts[0], counts[1], counts[2]);
          // A stop that arrives after the last row still ends the job as Stopped, with what was
          // imported.
          String finalStatus =
              j.status().equals(UserImportJob.STOPPING) ? UserImportJob.STOPPED : status;
          return counted.finished(finalStatus, clock.instant(), truncate(message));
        });
  }

  /** CompletionMessage holds at most 128 characters (service model). */
  private static String truncate(String message) {
    return message.length() <= 128 ? message : message.substring(0, 125) + "...";
  }

  /** Read-modify-write of the job, retried when a StopUserImportJob wrote in between. */
  private Optional<UserImportJob> transition(
      String poolId, String jobId, UnaryOperator<UserImportJob> change) {
    for (int attempt = 0; attempt < 32; attempt++) {
      Optional<UserImportJob> current = jobs.find(poolId, jobId);
      if (current.isEmpty()) {
        return Optional.empty(); // the pool was deleted meanwhile
      }
      UserImportJob next = change.apply(current.get());
      if (next == current.get()) {
        return current;
      }
      try {
        return Optional.of(jobs.update(current.get(), next));
      } catch (StaleWriteException e) {
        // re-read and apply again
      }
    }
    throw new IllegalStateException("import job " + jobId + " kept changing");
  }

  /**
   * A header column's name: surrounding blanks and a UTF-8 byte-order mark (spreadsheets write one)
   * removed.
   */
  private static String column(String raw) {
    return (raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
  }

  private static Reader utf8(InputStream in) {
    return new java.io.BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(CsvImport.class.getName());
  }
}
