package io.atelier.file;

import io.atelier.web.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of model file, as responses name them, with the extension {@code simplePath} uses. */
public enum FileType {
  BPMN(".bpmn"),
  DMN(".dmn"),
  FORM(".form"),
  CONNECTOR_TEMPLATE(".json");

  private final String extension;

  FileType(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** Reads a request's {@code fileType} in either case. */
  public static FileType parse(String field, String value) {
    if (value == null) {
      throw InvalidRequestException.field(field, "must not be null");
    }
    return Arrays.stream(values())
        .filter(type -> type.name().equals(value.toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidRequestException.field(
                    field, "must be one of [bpmn, dmn, form, connector_template]"));
  }
}
