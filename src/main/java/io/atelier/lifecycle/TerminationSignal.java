package io.atelier.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Makes SIGTERM an orderly stop that exits with status 0. The JVM would run the same shutdown
 * (Spring's graceful one) but then exit with 143, which process supervisors report as a failure.
 */
public final class TerminationSignal {

  private static final Logger log = LoggerFactory.getLogger(TerminationSignal.class);

  private TerminationSignal() {}

  /** Call once the application has started; a SIGTERM before that still exits with 143. */
  public static void exitCleanlyOnTerm() {
    try {
      Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    } catch (IllegalArgumentException | UnsupportedOperationException notOnThisPlatform) {
      log.debug("SIGTERM keeps the JVM's default handling: {}", notOnThisPlatform.getMessage());
    }
  }
}
