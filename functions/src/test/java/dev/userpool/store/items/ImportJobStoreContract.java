package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.Page;
import dev.userpool.domain.UserImportJob;
import dev.userpool.errors.CognitoException;
import dev.userpool.store.ImportJobStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ImportJobStore} on every backend. */
public abstract class ImportJobStoreContract {
  protected final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
  private static final String POOL = "us-east-1_Pool00001";

  /** A fresh, empty table reading time from {@link #clock}. */
  protected abstract ItemTable newTable();

  private ImportJobStore jobs;

  @BeforeEach
  void store() {
    jobs = new ItemImportJobStore(newTable());
  }

  private UserImportJob job(String id) {
    return new UserImportJob(
        POOL,
        id,
        "name " + id,
        UserImportJob.CREATED,
        clock.instant(),
        null,
        null,
        "arn:aws:iam::123456789012:role/logs",
        0,
        0,
        0,
        null,
        "http://localhost/_local/import/x",
        "hash",
        0);
  }

  @Test
  void whenJobIsCreatedThenItIsFoundInItsPoolOnlyWithEveryField() {
    jobs.create(job("import-a"));

    UserImportJob found = jobs.find(POOL, "import-a").orElseThrow();
    assertEquals(job("import-a").withVersion(found.version()), found);
    assertTrue(jobs.find("us-east-1_Pool00002", "import-a").isEmpty());
  }

  @Test
  void whenJobIsUpdatedFromAnOldVersionThenTheWriteIsRefusedAndTheNewerOneKept() {
    jobs.create(job("import-a"));
    UserImportJob read = jobs.find(POOL, "import-a").orElseThrow();
    UserImportJob done =
        jobs.update(
            read,
            read.started(clock.instant())
                .counting(3, 1, 2)
                .finished(UserImportJob.SUCCEEDED, clock.instant(), "done"));

    assertThrows(
        StaleWriteException.class,
        () -> jobs.update(read, read.withStatus(UserImportJob.STOPPING)));
    UserImportJob stored = jobs.find(POOL, "import-a").orElseThrow();
    assertEquals(done, stored);
    assertEquals(3, stored.importedUsers());
    assertEquals("done", stored.completionMessage());
  }

  @Test
  void whenJobsAreListedInPagesThenEachJobAppearsOnce() {
    for (int i = 0; i < 5; i++) {
      jobs.create(job("import-" + i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<UserImportJob> page = jobs.list(POOL, 2, token);
      page.items().forEach(j -> seen.add(j.jobId()));
      token = page.nextToken();
    } while (token != null);
    assertEquals(List.of("import-0", "import-1", "import-2", "import-3", "import-4"), seen);
    assertNull(jobs.list(POOL, 5, null).nextToken());
    assertThrows(CognitoException.class, () -> jobs.list(POOL, 2, "bm90LW91cnM"));
  }
}
