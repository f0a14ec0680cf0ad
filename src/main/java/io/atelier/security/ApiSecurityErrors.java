package io.atelier.security;

import io.atelier.web.ErrorResponder;
import io.atelier.web.ErrorResponder.ErrorExtras;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers refused API requests: 401 when the token is missing or fails a check (with {@code
 * WWW-Authenticate} naming the failed check, RFC 6750), 403 when a valid token lacks the permission
 * the request needs (naming it).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750, section 3</a>
 */
@Component
class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiSecurityErrors.class);

  private final ErrorResponder responder;
  private final SecurityProperties properties;

  ApiSecurityErrors(ErrorResponder responder, SecurityProperties properties) {
    this.responder = responder;
    this.properties = properties;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String detail;
    if (exception instanceof OAuth2AuthenticationException oauth) {
      detail = describe(oauth);
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer error=\"invalid_token\", error_description=\"" + quotable(detail) + "\"");
    } else if (header != null && !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      detail = "The Authorization header must carry a bearer token: 'Authorization: Bearer <JWT>'.";
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer error=\"invalid_request\", error_description=\"" + quotable(detail) + "\"");
    } else {
      detail = "The request has no bearer token; send 'Authorization: Bearer <JWT>'.";
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
    responder.write(request, response, HttpStatus.UNAUTHORIZED, detail, ErrorExtras.NONE);
  }

  private static String describe(OAuth2AuthenticationException exception) {
    String description = exception.getError().getDescription();
    if (description == null || description.isBlank()) {
      description = exception.getMessage();
    }
    if (description == null || description.startsWith("Bearer token is malformed")) {
      return "The bearer token is not a well-formed JWT.";
    }
    return description;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    String needed =
        PermissionCheck.required(request).map(Permission::value).orElse("a valid token");
    List<String> granted =
        SecurityContextHolder.getContext().getAuthentication() == null
            ? List.of()
            : SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(a -> a.getAuthority())
                .toList();
    String detail =
        "This operation needs the permission '"
            + needed
            + "' on the Web Modeler API (audience "
            + properties.audiences()
            + "); the token grants "
            + granted
            + ".";
    log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        "Bearer error=\"insufficient_scope\", error_description=\"" + quotable(detail) + "\"");
    responder.write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        detail,
        new ErrorExtras(null, Map.of("missingPermission", needed)));
  }

  private static String quotable(String text) {
    return text.replace("\\", "").replace("\"", "'");
  }
}
