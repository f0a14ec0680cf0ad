package io.atelier.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every error body the API sends, in the one place that knows both shapes: RFC 9457 problem
 * details for {@code /api/v1} (and everything else), and the {@code {"errors":[...]}} envelope for
 * {@code /api/beta}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
@Component
public class ErrorResponder {

  private static final String BETA_ROOT = "/api/beta";

  private final JsonMapper json;

  public ErrorResponder(JsonMapper json) {
    this.json = json;
  }

  /** The response for a controller-level error. */
  public ResponseEntity<Object> entity(
      HttpServletRequest request, HttpStatus status, String detail, ErrorExtras extras) {
    String path = requestPath(request);
    return ResponseEntity.status(status)
        .contentType(contentType(path))
        .body(body(path, status, detail, extras));
  }

  /** Writes an error directly, for filters that answer before any controller runs. */
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail,
      ErrorExtras extras)
      throws IOException {
    String path = requestPath(request);
    response.setStatus(status.value());
    response.setContentType(contentType(path).toString());
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body(path, status, detail, extras));
  }

  private static boolean isBeta(String path) {
    return path.equals(BETA_ROOT) || path.startsWith(BETA_ROOT + "/");
  }

  /** The media type of an error answered for {@code path}. */
  static MediaType contentType(String path) {
    return isBeta(path) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
  }

  /**
   * The path the client asked for, also while the error page renders a failure that happened
   * outside any controller (the request then carries the original path as an attribute).
   */
  public static String requestPath(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return original instanceof String path ? path : request.getRequestURI();
  }

  /** The body of an error answered for {@code path}: the beta envelope, or a problem. */
  static Map<String, Object> body(
      String path, HttpStatus status, String detail, ErrorExtras extras) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (isBeta(path)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("reason", extras.betaReason() != null ? extras.betaReason() : betaReason(status));
      error.put("detail", detail);
      error.putAll(extras.properties());
      body.put("errors", List.of(error));
      return body;
    }
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", path);
    body.putAll(extras.properties());
    return body;
  }

  private static String betaReason(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "INVALID_INPUT";
      case UNAUTHORIZED -> "UNAUTHORIZED";
      case FORBIDDEN -> "FORBIDDEN";
      case NOT_FOUND -> "NOT_FOUND";
      case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
      case CONFLICT -> "CONFLICT";
      case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
      case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
      case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
      default -> "INTERNAL_ERROR";
    };
  }

  /** What an error adds to status and detail: a beta reason code and extra body members. */
  public record ErrorExtras(String betaReason, Map<String, Object> properties) {

    public static final ErrorExtras NONE = new ErrorExtras(null, Map.of());

    public static ErrorExtras of(ApiException exception) {
      String reason =
          exception instanceof ConflictException conflict ? conflict.betaReason() : null;
      return new ErrorExtras(reason, exception.properties());
    }
  }
}
