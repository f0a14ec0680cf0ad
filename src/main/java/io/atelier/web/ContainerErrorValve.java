package io.atelier.web;

import io.atelier.web.ErrorResponder.ErrorExtras;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the errors Tomcat answers on its own, before Spring sees the request (a URL with an
 * encoded backslash, for example), in the API's shapes instead of Tomcat's HTML page: the beta
 * envelope under {@code /api/beta}, a problem body everywhere else.
 */
final class ContainerErrorValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    if (response.getStatus() < 400
        || response.getContentWritten() > 0
        || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }

    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    HttpStatus status = HttpStatus.resolve(response.getStatus());
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail =
        status.is4xxClientError()
            ? "The request was refused before it reached the API: the server cannot accept it as"
                + " sent (for example an encoded '\\\\' in the URL, or headers too large)."
            : "Unexpected error while processing request.";
    try {
      response.setContentType(ErrorResponder.contentType(path).toString());
      response.setCharacterEncoding("UTF-8");
      OutputStream out = response.getOutputStream();
      JSON.writeValue(out, ErrorResponder.body(path, status, detail, ErrorExtras.NONE));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client has gone or the response cannot take a body; nothing more to tell.
    }
  }
}
