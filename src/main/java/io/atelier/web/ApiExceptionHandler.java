package io.atelier.web;

import io.atelier.web.ErrorResponder.ErrorExtras;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns everything a controller can throw into an error response. The status of each kind of
 * failure is decided here and nowhere else; the body's shape is {@link ErrorResponder}'s job.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Web Modeler's beta list endpoints that v1 replaced with a search. */
  private static final Map<String, String> REMOVED_LIST_ENDPOINTS =
      Map.of(
          "/api/v1/projects", "POST /api/v1/projects/search",
          "/api/v1/files", "POST /api/v1/files/search",
          "/api/v1/folders", "POST /api/v1/files/search",
          "/api/v1/milestones", "POST /api/v1/milestones/search",
          "/api/v1/collaborators", "POST /api/v1/collaborators/search");

  /** The status each kind of refusal is answered with. */
  private static final Map<Class<? extends ApiException>, HttpStatus> STATUS =
      Map.of(
          InvalidRequestException.class, HttpStatus.BAD_REQUEST,
          ForbiddenOperationException.class, HttpStatus.FORBIDDEN,
          NotFoundException.class, HttpStatus.NOT_FOUND,
          ConflictException.class, HttpStatus.CONFLICT,
          PayloadTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE,
          ServiceUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE);

  private final ErrorResponder responder;

  ApiExceptionHandler(ErrorResponder responder) {
    this.responder = responder;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> apiException(ApiException exception, HttpServletRequest request) {
    return responder.entity(
        request, statusOf(exception), exception.getMessage(), ErrorExtras.of(exception));
  }

  private static HttpStatus statusOf(ApiException exception) {
    return STATUS.getOrDefault(exception.getClass(), HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Object> invalidBody(
      MethodArgumentNotValidException exception, HttpServletRequest request) {
    String errors =
        exception.getBindingResult().getFieldErrors().stream()
            .sorted((a, b) -> a.getField().compareTo(b.getField()))
            .map(ApiExceptionHandler::describe)
            .collect(Collectors.joining(", "));
    return badRequest(
        request, "Request validation failed with the following errors: [" + errors + "].");
  }

  private static String describe(FieldError error) {
    return error.getField() + ": '" + error.getDefaultMessage() + "'";
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Object> invalidParameter(
      HandlerMethodValidationException exception, HttpServletRequest request) {
    String errors =
        exception.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                result.getMethodParameter().getParameterName()
                                    + ": '"
                                    + error.getDefaultMessage()
                                    + "'"))
            .collect(Collectors.joining(", "));
    return badRequest(
        request, "Request validation failed with the following errors: [" + errors + "].");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadableBody(
      HttpMessageNotReadableException exception, HttpServletRequest request) {
    PayloadTooLargeException tooLarge = causeOfType(exception, PayloadTooLargeException.class);
    if (tooLarge != null) {
      return apiException(tooLarge, request);
    }
    JacksonException json = causeOfType(exception, JacksonException.class);
    if (json == null) {
      return badRequest(request, "The request body is missing or cannot be read.");
    }
    return badRequest(request, describe(json));
  }

  /** Says where the body went wrong, in JSON terms: a field path, or a line and column. */
  private static String describe(JacksonException exception) {
    String path = jsonPath(exception.getPath());
    if (exception instanceof MismatchedInputException mismatch && !path.isEmpty()) {
      return "Field '" + path + "' must be " + JsonTypes.describe(mismatch.getTargetType()) + ".";
    }
    if (exception instanceof MismatchedInputException) {
      return "The request body must be a JSON object.";
    }
    TokenStreamLocation location = exception.getLocation();
    String where =
        location == null || location.getLineNr() < 0
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String field = path.isEmpty() ? "" : " in field '" + path + "'";
    return "The request body is not valid JSON" + field + where + ": " + firstLine(exception) + ".";
  }

  private static String jsonPath(List<JacksonException.Reference> path) {
    StringBuilder result = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        result.append(result.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        result.append('[').append(reference.getIndex()).append(']');
      }
    }
    return result.toString();
  }

  private static String firstLine(JacksonException exception) {
    String message = exception.getOriginalMessage();
    if (message == null) {
      return "unexpected input";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.replaceAll("\\s*\\(through reference chain.*$", "")
        .replaceAll(",? from `[^`]*`", "")
        .replaceAll("`[^`]*`", "value")
        .replaceAll("\\.$", "");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> badPathVariable(
      MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
    String expected = exception.getRequiredType() == UUID.class ? "a UUID" : "of the right type";
    return badRequest(
        request,
        "Path parameter '"
            + exception.getName()
            + "' must be "
            + expected
            + ", but was '"
            + exception.getValue()
            + "'.");
  }

  /**
   * A path segment of only spaces converts to no UUID at all. Any other missing path variable is a
   * mapping mistake of ours and stays a 500.
   */
  @ExceptionHandler(MissingPathVariableException.class)
  ResponseEntity<Object> blankPathVariable(
      MissingPathVariableException exception, HttpServletRequest request) {
    if (!exception.isMissingAfterConversion()) {
      return unexpected(exception, request);
    }
    return badRequest(
        request,
        "Path parameter '" + exception.getVariableName() + "' must be a UUID, but was blank.");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Object> missingParameter(
      MissingServletRequestParameterException exception, HttpServletRequest request) {
    return badRequest(
        request, "Query parameter '" + exception.getParameterName() + "' is required.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> methodNotAllowed(
      HttpRequestMethodNotSupportedException exception, HttpServletRequest request) {
    String path = request.getRequestURI();
    String detail = "Method " + exception.getMethod() + " is not supported on " + path + ".";
    String replacement = REMOVED_LIST_ENDPOINTS.get(path);
    if (replacement != null && "GET".equals(exception.getMethod())) {
      detail += " To list these resources use " + replacement + ".";
    } else if (exception.getSupportedHttpMethods() != null) {
      detail += " Supported: " + exception.getSupportedHttpMethods() + ".";
    }
    return responder.entity(request, HttpStatus.METHOD_NOT_ALLOWED, detail, ErrorExtras.NONE);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedMediaType(
      HttpMediaTypeNotSupportedException exception, HttpServletRequest request) {
    return responder.entity(
        request,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content type '"
            + exception.getContentType()
            + "' is not supported; send application/json.",
        ErrorExtras.NONE);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Object> noEndpoint(
      NoResourceFoundException exception, HttpServletRequest request) {
    return responder.entity(
        request,
        HttpStatus.NOT_FOUND,
        "No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".",
        ErrorExtras.NONE);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Object> databaseUnavailable(Exception exception, HttpServletRequest request) {
    boolean busy = DatabaseFailures.isPoolExhausted(exception);
    log.warn(
        "Database {} for {} {}: {}",
        busy ? "busy" : "unavailable",
        request.getMethod(),
        request.getRequestURI(),
        exception.getMessage());
    String detail =
        busy
            ? "The server is busy: every database connection is in use by other requests. Try"
                + " again shortly; nothing of this request was applied."
            : "The database cannot be reached right now. Try again shortly; a change is applied"
                + " whole or not at all, so read the resource first if this answered a write.";
    return responder.entity(request, HttpStatus.SERVICE_UNAVAILABLE, detail, ErrorExtras.NONE);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
    if (DisconnectedClientHelper.isClientDisconnectedException(exception)) {
      // The client hung up while its answer was being written: nobody is left to tell.
      log.debug(
          "Client went away during {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          exception.getMessage());
      return null;
    }
    if (DatabaseFailures.isConnectionLoss(exception)) {
      return databaseUnavailable(exception, request);
    }
    String correlationId = UUID.randomUUID().toString();
    log.error(
        "Unexpected error {} for {} {}",
        correlationId,
        request.getMethod(),
        request.getRequestURI(),
        exception);
    if (exception instanceof TransactionSystemException transaction
        && transaction.getApplicationException() != null) {
      log.error(
          "Error {} replaced this one, which the request met first",
          correlationId,
          transaction.getApplicationException());
    }
    return responder.entity(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Unexpected error while processing request.",
        new ErrorExtras(null, Map.of("correlationId", correlationId)));
  }

  private ResponseEntity<Object> badRequest(HttpServletRequest request, String detail) {
    return responder.entity(request, HttpStatus.BAD_REQUEST, detail, ErrorExtras.NONE);
  }

  private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
    for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
