package io.atelier.web;

import java.util.Map;

/**
 * A request the API refuses for a reason the caller can fix. {@link ApiExceptionHandler} turns each
 * subclass into the status of its kind and a body that carries {@link #getMessage()}.
 */
public abstract class ApiException extends RuntimeException {

  private final Map<String, Object> properties;

  protected ApiException(String detail, Map<String, Object> properties) {
    super(detail);
    this.properties = Map.copyOf(properties);
  }

  /** Extra members of the problem body, such as the current revision of a file. */
  public Map<String, Object> properties() {
    return properties;
  }
}
