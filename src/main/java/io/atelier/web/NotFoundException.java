package io.atelier.web;

import java.util.Map;
import java.util.UUID;

/** The resource a request names does not exist: answered with 404. */
public final class NotFoundException extends ApiException {

  public NotFoundException(String detail) {
    super(detail, Map.of());
  }

  /** For example "Project 7b0c… not found." */
  public static NotFoundException of(String kind, UUID id) {
    return new NotFoundException(kind + " " + id + " not found.");
  }
}
