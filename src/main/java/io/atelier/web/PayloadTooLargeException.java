package io.atelier.web;

import java.util.Map;

/** The request body exceeds {@code atelier.api.max-request-size}: 413. */
public final class PayloadTooLargeException extends ApiException {

  public PayloadTooLargeException(long limit) {
    super("The request body exceeds the limit of " + limit + " bytes.", Map.of());
  }
}
