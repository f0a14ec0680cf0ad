package io.atelier.web;

import io.atelier.web.ErrorResponder.ErrorExtras;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers failures that never reach a controller, such as a URL the security firewall refuses
 * ({@code //}, {@code ;}, an encoded {@code .}) or a TRACE request, in the same shapes as every
 * other error: the beta envelope on {@code /api/beta}, a problem body everywhere else. Replaces
 * Spring Boot's default error body, which is neither.
 */
@RestController
class ErrorPageController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

  private final ErrorResponder responder;

  ErrorPageController(ErrorResponder responder) {
    this.responder = responder;
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String path = ErrorResponder.requestPath(request);
    String method = request.getMethod();
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;

    if (status.is5xxServerError()) {
      return unexpected(request, status, method, path);
    }
    return responder.entity(request, status, detail(status, method, path), ErrorExtras.NONE);
  }

  private static String detail(HttpStatus status, String method, String path) {
    return switch (status) {
      case BAD_REQUEST ->
          "The request was refused before it reached the API: its URL holds something the server"
              + " does not accept, such as '//', ';', an encoded '.', '/', '\\\\' or '%',"
              + " or a control character.";
      case NOT_FOUND -> "No endpoint " + method + " " + path + ".";
      // the container answers TRACE itself and reports the error dispatch as a GET
      case METHOD_NOT_ALLOWED -> "This HTTP method is not supported on " + path + ".";
      default -> status.getReasonPhrase() + ".";
    };
  }

  private ResponseEntity<Object> unexpected(
      HttpServletRequest request, HttpStatus status, String method, String path) {
    String correlationId = UUID.randomUUID().toString();
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    log.error(
        "Unexpected error {} for {} {}",
        correlationId,
        method,
        path,
        failure instanceof Throwable throwable ? throwable : null);
    return responder.entity(
        request,
        status,
        "Unexpected error while processing request.",
        new ErrorExtras(null, Map.of("correlationId", correlationId)));
  }
}
