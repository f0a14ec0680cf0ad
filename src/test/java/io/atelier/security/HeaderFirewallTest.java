package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Header values the firewall refuses stay refused with its fast path for printable ASCII: a control
 * character that Tomcat lets through (Latin-1 byte 0x85, NEXT LINE) in the bearer header.
 */
class HeaderFirewallTest extends ApiTest {

  @Test
  void requestWhenAuthorizationHoldsControlCharacterThenBadRequestWithProblemBody()
      throws IOException {
    String answer = rawGet("Bearer " + token(TestTokens.ADMIN) + "\u0085");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("\"status\":400").doesNotContain("Exception");
  }

  @Test
  void requestWhenAuthorizationIsPlainTokenOverRawSocketThenAccepted() throws IOException {
    String answer = rawGet("Bearer " + token(TestTokens.ADMIN));

    assertThat(answer).startsWith("HTTP/1.1 200").contains("\"version\":\"v1\"");
  }

  private String rawGet(String authorization) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port));
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                      + "Authorization: "
                      + authorization
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
