package io.atelier.support;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request that takes as long as a test asks, to have one in flight at a chosen moment. Test code
 * only: it exists in processes that tests start with {@code ATELIER_TEST_SLOW_ENDPOINT=true}.
 */
@RestController
@ConditionalOnProperty("atelier.test.slow-endpoint")
class SlowEndpoint {

  @GetMapping("/test/slow")
  Map<String, Object> slow(@RequestParam long millis) throws InterruptedException {
    Thread.sleep(millis);
    return Map.of("sleptMillis", millis);
  }
}
