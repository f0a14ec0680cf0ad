package io.atelier.web;

import java.util.Map;

/** The caller may use the API but not this operation on this resource: 403. */
public final class ForbiddenOperationException extends ApiException {

  public ForbiddenOperationException(String detail) {
    super(detail, Map.of());
  }
}
