package io.atelier.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.file.TestFiles;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestDatabase;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Additions to a project run side by side; changes to its structure wait for them. A transaction of
 * the test holds a project's lock while requests arrive over HTTP.
 */
class ProjectLockEndToEndTest extends ApiTest {

  @Autowired private ProjectService projects;
  @Autowired private PlatformTransactionManager transactions;

  private String projectId;
  private final CountDownLatch locked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private CompletableFuture<Void> holder;

  @BeforeEach
  void project() {
    projectId = TestFiles.project(api);
  }

  @AfterEach
  void releaseLock() throws Exception {
    release.countDown();
    if (holder != null) {
      holder.get(10, TimeUnit.SECONDS);
    }
  }

  /** Holds the project's lock in {@code mode} in a transaction of its own until released. */
  private void hold(ProjectLock mode) throws InterruptedException {
    holder =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          projects.lock(mode, UUID.fromString(projectId));
                          locked.countDown();
                          await(release);
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).as("the lock was taken").isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void createWhenAnotherAdditionHoldsTheProjectThenProceedsAtOnce() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "H2 has no shared row locks");
    hold(ProjectLock.SHARED);

    CompletableFuture<Response> file =
        CompletableFuture.supplyAsync(() -> api.post("/api/v1/files", TestFiles.bpmn(projectId)));
    CompletableFuture<String> folder =
        CompletableFuture.supplyAsync(() -> TestFiles.folder(api, projectId, null, "Beside"));

    assertThat(file.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(folder.get(10, TimeUnit.SECONDS)).isNotBlank();
  }

  @Test
  void deleteFolderWhenAnAdditionHoldsTheProjectThenWaitsForIt() throws Exception {
    String folderId = TestFiles.folder(api, projectId, null, "Doomed");
    hold(ProjectLock.SHARED);

    CompletableFuture<Response> delete =
        CompletableFuture.supplyAsync(() -> api.delete("/api/v1/folders/" + folderId));

    Thread.sleep(500);
    assertThat(delete).as("the delete waits for the addition").isNotDone();
    release.countDown();
    assertThat(delete.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
  }

  @Test
  void createWhenAStructuralChangeHoldsTheProjectThenWaitsForIt() throws Exception {
    hold(ProjectLock.EXCLUSIVE);

    CompletableFuture<Response> file =
        CompletableFuture.supplyAsync(() -> api.post("/api/v1/files", TestFiles.bpmn(projectId)));

    Thread.sleep(500);
    assertThat(file).as("the create waits for the structural change").isNotDone();
    release.countDown();
    assertThat(file.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }
}
