package io.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that hangs up while its answer is being written (load generators do at the end of every
 * run) is no server error: no ERROR with a stack trace, no error body written into a dead socket.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.io.atelier.web.ApiExceptionHandler=DEBUG")
class ClientDisconnectTest extends ApiTest {

  private static final String GONE = "Client went away during GET /api/v1/files/";

  @Test
  void getWhenClientResetsMidAnswerThenLoggedAsGoneNotAsError(CapturedOutput output)
      throws Exception {
    Map<String, Object> request = TestFiles.bpmn(TestFiles.project(api));
    request.put(
        "content",
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<process id=\"p\"><documentation>"
            + "x".repeat(8 * 1024 * 1024)
            + "</documentation></process></definitions>");
    String fileId = TestFiles.create(api, request).json().get("id").asString();

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("localhost", port));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/files/"
                  + fileId
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + token(TestTokens.ADMIN)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(socket.getInputStream().read(new byte[1024])).as("answer begun").isPositive();
      socket.setSoLinger(true, 0);
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!output.getOut().contains(GONE) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(output.getOut()).contains(GONE);
    assertThat(output.getOut()).doesNotContain("Unexpected error");
  }
}
