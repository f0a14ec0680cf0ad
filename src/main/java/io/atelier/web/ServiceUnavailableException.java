package io.atelier.web;

import java.util.Map;

/** A dependency such as the database cannot be reached right now: 503. */
public final class ServiceUnavailableException extends ApiException {

  public ServiceUnavailableException(String detail) {
    super(detail, Map.of());
  }
}
