package io.atelier.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.AtelierProcess;
import io.atelier.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of a stream of writes, several times: after each restart every write that
 * got a 2xx is there with the revision and content it was acknowledged with, and nothing points to
 * something that is missing. Runs on the run's database: an H2 file (Atelier's default) in the H2
 * pass, PostgreSQL in the PostgreSQL pass. About a minute per database; it is tagged slow so a
 * developer can leave it out with {@code -DexcludedGroups=slow}. CI runs it.
 */
@Tag("slow")
class CrashProcessTest {

  private static final int CRASHES = 5;
  private static final int WRITERS = 4;

  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);
  private final Map<String, Known> files = new ConcurrentHashMap<>();
  private final Map<String, Known> inFlight = new ConcurrentHashMap<>();
  private final Set<String> folders = ConcurrentHashMap.newKeySet();
  private final List<String> anomalies = new CopyOnWriteArrayList<>();
  private final AtomicInteger acknowledgedWrites = new AtomicInteger();
  private final AtomicInteger contentCounter = new AtomicInteger();
  private AtelierProcess node;

  /** A file's state as the server acknowledged it (or, in flight, as it might have stored it). */
  private record Known(String id, String folderId, int revision, String content) {}

  @AfterEach
  void killNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void killWhenWritesInFlightThenEveryAcknowledgedWriteSurvivesAndDataIsConsistent()
      throws Exception {
    // given
    node = configuredNode().start().awaitReady();
    String token = node.adminToken();
    String projectId = TestFiles.project(node.api(token));
    int filesChecked = 0;
    int inFlightLanded = 0;
    int lost = 0;

    // when
    for (int crash = 1; crash <= CRASHES; crash++) {
      writeUntilKilled(node.api(token), projectId, 1500 + random.nextInt(2000));
      node = node.restart().awaitReady();
      Api api = node.api(token);

      // then
      inFlightLanded += resolveInFlight(api);
      for (Known known : files.values()) {
        filesChecked++;
        if (!matches(api.get("/api/v1/files/" + known.id()), known)) {
          lost++;
          anomalies.add("after crash " + crash + ": lost or changed " + known);
        }
      }
      for (String folderId : folders) {
        if (api.get("/api/v1/folders/" + folderId).status() != 200) {
          lost++;
          anomalies.add("after crash " + crash + ": lost folder " + folderId);
        }
      }
    }
    List<String> inconsistencies = inconsistencies(node.api(token), projectId);

    String report =
        String.format(
            "Crash test on %s (seed %d): crashes survived %d, acknowledged writes %d, files"
                + " %d, folders %d, file checks after restarts %d, in-flight writes that landed"
                + " %d, lost %d, inconsistencies %d",
            TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file",
            seed,
            CRASHES,
            acknowledgedWrites.get(),
            files.size(),
            folders.size(),
            filesChecked,
            inFlightLanded,
            lost,
            inconsistencies.size());
    writeReport(report);
    assertThat(anomalies).as(report).isEmpty();
    assertThat(lost).as(report).isZero();
    assertThat(inconsistencies).as(report).isEmpty();
    assertThat(acknowledgedWrites.get()).as(report).isGreaterThan(CRASHES * 10);
  }

  private AtelierProcess.Builder configuredNode() throws Exception {
    AtelierProcess.Builder builder = AtelierProcess.named("crash");
    if (TestDatabase.isPostgres()) {
      builder.database(emptyPostgresDatabase(), "postgres", "");
    }
    return builder;
  }

  /** Writers create folders and files and update their own files until the node is killed. */
  private void writeUntilKilled(Api api, String projectId, long killAfterMillis) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      long writerSeed = random.nextLong();
      writers.add(pool.submit(() -> write(api, projectId, new Random(writerSeed), running)));
    }
    Thread.sleep(killAfterMillis);
    node.kill();
    running.set(false);
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void write(Api api, String projectId, Random random, AtomicBoolean running) {
    List<String> mine = new ArrayList<>();
    for (int operation = 0; running.get() && operation < 100_000; operation++) {
      int dice = random.nextInt(100);
      try {
        if (dice < 10 || folders.isEmpty()) {
          createFolder(api, projectId, random);
        } else if (dice < 45 || mine.isEmpty()) {
          createFile(api, projectId, random, mine);
        } else {
          update(api, mine.get(random.nextInt(mine.size())));
        }
      } catch (UncheckedIOException | IllegalStateException nodeGone) {
        return;
      }
    }
  }

  private void createFolder(Api api, String projectId, Random random) {
    String parentId = folders.isEmpty() || random.nextBoolean() ? null : any(folders, random);
    Response answer =
        api.post(
            "/api/v1/folders",
            Api.json(
                "name",
                "F" + contentCounter.incrementAndGet(),
                "projectId",
                projectId,
                "parentId",
                parentId));
    if (answer.status() == 200) {
      acknowledgedWrites.incrementAndGet();
      folders.add(answer.json().get("id").asString());
    } else {
      anomalies.add("folder create answered " + answer);
    }
  }

  private void createFile(Api api, String projectId, Random random, List<String> mine) {
    String folderId = random.nextInt(4) == 0 || folders.isEmpty() ? null : any(folders, random);
    String content = content(1);
    Map<String, Object> request = TestFiles.bpmn(projectId);
    request.put("folderId", folderId);
    request.put("content", content);
    Response answer = api.post("/api/v1/files", request);
    if (answer.status() == 200 && answer.json().get("revision").asInt() == 1) {
      acknowledgedWrites.incrementAndGet();
      String id = answer.json().get("id").asString();
      files.put(id, new Known(id, folderId, 1, content));
      mine.add(id);
    } else {
      anomalies.add("file create answered " + answer);
    }
  }

  private void update(Api api, String fileId) {
    Known known = files.get(fileId);
    Known next =
        new Known(fileId, known.folderId(), known.revision() + 1, content(known.revision() + 1));
    inFlight.put(fileId, next);
    Response answer =
        api.patch(
            "/api/v1/files/" + fileId,
            Api.json("content", next.content(), "revision", known.revision()));
    if (answer.status() == 200 && answer.json().get("revision").asInt() == next.revision()) {
      acknowledgedWrites.incrementAndGet();
      files.put(fileId, next);
      inFlight.remove(fileId);
    } else {
      inFlight.remove(fileId);
      anomalies.add("update of " + known + " answered " + answer);
    }
  }

  /** A valid BPMN document unique to this write. */
  private String content(int revision) {
    return TestFiles.BPMN.replace(
        "id=\"p\"", "id=\"p_" + contentCounter.incrementAndGet() + "_r" + revision + "\"");
  }

  /**
   * Updates sent when the node died may or may not have been stored; either outcome is correct,
   * anything else is not. Returns how many had been stored.
   */
  private int resolveInFlight(Api api) {
    int landed = 0;
    for (Known candidate : inFlight.values()) {
      Response answer = api.get("/api/v1/files/" + candidate.id());
      if (matches(answer, candidate)) {
        files.put(candidate.id(), candidate);
        landed++;
      } else if (!matches(answer, files.get(candidate.id()))) {
        anomalies.add("in-flight update left neither state: " + candidate + " -> " + answer);
      }
    }
    inFlight.clear();
    return landed;
  }

  private static boolean matches(Response answer, Known known) {
    if (answer.status() != 200) {
      return false;
    }
    JsonNode metadata = answer.json().get("metadata");
    JsonNode folderId = metadata.get("folderId");
    return metadata.get("revision").asInt() == known.revision()
        && answer.json().get("content").asString().equals(known.content())
        && (known.folderId() == null
            ? folderId == null || folderId.isNull()
            : known.folderId().equals(folderId.asString()));
  }

  /**
   * No file in a missing folder, no folder under a missing parent, no milestone of a missing file.
   */
  private static List<String> inconsistencies(Api api, String projectId) {
    List<String> problems = new ArrayList<>();
    Response project = api.get("/api/v1/projects/" + projectId);
    assertThat(project.status()).as(project.toString()).isEqualTo(200);
    Set<String> folderIds = new HashSet<>();
    project
        .json()
        .get("content")
        .get("folders")
        .forEach(f -> folderIds.add(f.get("id").asString()));
    Set<String> fileIds = new HashSet<>();
    for (JsonNode folder : project.json().get("content").get("folders")) {
      JsonNode parent = folder.get("parentId");
      if (parent != null && !parent.isNull() && !folderIds.contains(parent.asString())) {
        problems.add("folder " + folder.get("id") + " in missing folder " + parent);
      }
    }
    for (JsonNode file : project.json().get("content").get("files")) {
      fileIds.add(file.get("id").asString());
      JsonNode folder = file.get("folderId");
      if (folder != null && !folder.isNull() && !folderIds.contains(folder.asString())) {
        problems.add("file " + file.get("id") + " in missing folder " + folder);
      }
    }
    Response milestones = api.post("/api/v1/milestones/search", Api.json("size", 50));
    if (milestones.status() == 200) {
      for (JsonNode milestone : milestones.json().get("items")) {
        String fileId = milestone.get("fileId").asString();
        if (!fileIds.contains(fileId) && api.get("/api/v1/files/" + fileId).status() != 200) {
          problems.add("milestone " + milestone.get("id") + " of missing file " + fileId);
        }
      }
    }
    return problems;
  }

  private static String any(Set<String> values, Random random) {
    List<String> list = List.copyOf(values);
    return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
  }

  private static String emptyPostgresDatabase() throws Exception {
    String name = "crash_" + Long.toHexString(System.nanoTime());
    try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    return "jdbc:postgresql://localhost:" + TestDatabase.server().getPort() + "/" + name;
  }

  private static void writeReport(String report) {
    System.out.println(report);
    try {
      Path file = Path.of("target", "crash-report.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          report + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
