package io.atelier.web;

import java.util.Map;

/** The request is malformed or names something it may not: answered with 400. */
public final class InvalidRequestException extends ApiException {

  public InvalidRequestException(String detail) {
    super(detail, Map.of());
  }

  /** A problem with one field of the request body, named as the contract names it. */
  public static InvalidRequestException field(String field, String problem) {
    return new InvalidRequestException(
        "Request validation failed with the following errors: [" + field + ": '" + problem + "'].");
  }
}
