package io.atelier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Atelier node as a separate OS process, started from the test class path with {@code java
 * io.atelier.AtelierApplication} and configured only through environment variables, as an operator
 * would. Its output goes to {@code target/atelier-processes/<name>-<n>.log}. Always close it (try
 * with resources or {@code @AfterEach}): closing kills the process if it still runs.
 */
public final class AtelierProcess implements AutoCloseable {

  /** The issuer URL all nodes of a test share, as behind one load balancer. */
  public static final String SHARED_ISSUER = "http://atelier.test/auth/realms/camunda-platform";

  private static final Path LOG_DIR = Path.of("target", "atelier-processes");
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Map<String, String> environment;
  private final Process process;
  private final Path log;

  private AtelierProcess(String name, Map<String, String> environment) {
    this.name = name;
    this.environment = Map.copyOf(environment);
    this.log = LOG_DIR.resolve(name + "-" + STARTS.incrementAndGet() + ".log");
    this.process = launch();
  }

  /** A node configuration with fresh ports, the test clients and an H2 file database. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  private Process launch() {
    try {
      Files.createDirectories(LOG_DIR);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m"));
      command.addAll(List.of("-cp", classPath(), "io.atelier.AtelierApplication"));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().keySet().removeIf(AtelierProcess::configuresAtelier);
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Atelier process " + name, e);
    }
  }

  private static boolean configuresAtelier(String variable) {
    return variable.startsWith("SPRING_")
        || variable.startsWith("ATELIER_")
        || variable.startsWith("SERVER_")
        || variable.startsWith("MANAGEMENT_")
        || variable.startsWith("RESTAPI_")
        || variable.startsWith("CAMUNDA_");
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /** The same configuration again (same ports, same database), as a new process. */
  public AtelierProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    return new AtelierProcess(name, environment);
  }

  /** Waits until readiness answers 200; fails with the log's tail if the process dies first. */
  public AtelierProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      if (readinessStatus() == 200) {
        return this;
      }
      sleep(100);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
  }

  public AtelierProcess awaitReady() {
    return awaitReady(Duration.ofSeconds(90));
  }

  /** The status readiness answers, or -1 if nothing answers. */
  public int readinessStatus() {
    return status(managementUrl() + "/health/readiness");
  }

  public String readinessBody() {
    return body(managementUrl() + "/health/readiness");
  }

  /** SIGKILL: the process gets no chance to clean up. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** Sends SIGTERM and returns at once; see {@link #awaitExit}. */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to end and returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " still running after " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  /** The environment variables this node was started with. */
  public Map<String, String> environment() {
    return environment;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public int apiPort() {
    return Integer.parseInt(environment.get("SERVER_PORT"));
  }

  public int managementPort() {
    return Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT"));
  }

  public int identityPort() {
    return Integer.parseInt(environment.get("ATELIER_IDENTITY_PORT"));
  }

  public String baseUrl() {
    return "http://localhost:" + apiPort();
  }

  public String managementUrl() {
    return "http://localhost:" + managementPort();
  }

  /** A real token of the all-permissions test client, from this node's issuer. */
  public String adminToken() {
    return TestTokens.fetch(identityPort(), TestTokens.ADMIN, TestTokens.SECRET);
  }

  /** This node's API with the given token. */
  public Api api(String token) {
    return new Api(baseUrl(), token);
  }

  public Path log() {
    return log;
  }

  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  public String logTail() {
    String text = logText();
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }

  private static int status(String url) {
    try {
      return HTTP.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String body(String url) {
    try {
      return HTTP.send(request(url), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a node is started with; every setting is an environment variable. */
  public static final class Builder {

    private final String name;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
      int identityPort = FreePorts.next();
      environment.put("SERVER_PORT", String.valueOf(FreePorts.next()));
      environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(FreePorts.next()));
      environment.put("ATELIER_IDENTITY_PORT", String.valueOf(identityPort));
      environment.put(
          "ATELIER_IDENTITY_ISSUER_URL",
          "http://localhost:" + identityPort + "/auth/realms/camunda-platform");
      environment.put("ATELIER_IDENTITY_CLIENTS_0_ID", TestTokens.ADMIN);
      environment.put("ATELIER_IDENTITY_CLIENTS_0_SECRET", TestTokens.SECRET);
      environment.put(
          "ATELIER_IDENTITY_CLIENTS_0_PERMISSIONS", "create:*,read:*,update:*,delete:*");
      environment.put("ATELIER_DATA_DIR", freshDirectory(name).toString());
    }

    private static Path freshDirectory(String name) {
      try {
        Files.createDirectories(LOG_DIR);
        return Files.createTempDirectory(LOG_DIR, name + "-data-").toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** H2 file database in this directory (Atelier's default database). */
    public Builder dataDirectory(Path directory) {
      return env("ATELIER_DATA_DIR", directory.toAbsolutePath().toString());
    }

    /** PostgreSQL (or any JDBC URL), with Web Modeler's variables. */
    public Builder database(String url, String username, String password) {
      return env("SPRING_DATASOURCE_URL", url)
          .env("SPRING_DATASOURCE_USERNAME", username)
          .env("SPRING_DATASOURCE_PASSWORD", password);
    }

    /** The {@code iss} every node of a cluster writes and expects. */
    public Builder issuerUrl(String issuerUrl) {
      return env("ATELIER_IDENTITY_ISSUER_URL", issuerUrl);
    }

    public Builder env(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    public AtelierProcess start() {
      return new AtelierProcess(name, environment);
    }
  }
}
