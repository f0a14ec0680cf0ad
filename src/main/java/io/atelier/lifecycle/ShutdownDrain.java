package io.atelier.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of an orderly stop. By the time it runs, readiness already answers 503 (Spring
 * Boot marks the application as refusing traffic before stopping anything); it then keeps the API
 * serving for {@code atelier.shutdown.drain-delay}, so a load balancer polling readiness stops
 * sending requests before the port closes. Boot's graceful shutdown then lets in-flight requests
 * finish.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

  private final Duration delay;
  private volatile boolean running;

  ShutdownDrain(@Value("${atelier.shutdown.drain-delay:0s}") Duration delay) {
    this.delay = delay;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    log.info(
        "Shutting down: readiness reports OUT_OF_SERVICE; serving {} ms more, then waiting for "
            + "in-flight requests",
        delay.toMillis());
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web servers' graceful shutdown, which stops accepting new requests. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
