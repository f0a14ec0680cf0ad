package io.atelier.project;

import io.atelier.web.InvalidRequestException;
import java.text.Normalizer;
import java.util.UUID;

/** Checks of the values names and ids in request bodies must have, for every resource. */
public final class Names {

  public static final int MAX_LENGTH = 255;

  private Names() {}

  /** A required name: present, 1–255 code points; returned in Unicode NFC. */
  public static String required(String field, String value) {
    if (value == null) {
      throw InvalidRequestException.field(field, "must not be null");
    }
    return optional(field, value);
  }

  /** An optional name: null stays null, otherwise as {@link #required}. */
  public static String optional(String field, String value) {
    if (value == null) {
      return null;
    }
    String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw InvalidRequestException.field(field, "size must be between 1 and " + MAX_LENGTH);
    }
    checkUnicode(field, normalized);
    return normalized;
  }

  /** An optional id: null stays null, otherwise it must be a UUID. */
  public static UUID id(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw InvalidRequestException.field(field, "must be a UUID");
  }

  /** Refuses text that no database stores faithfully: unpaired surrogates and U+0000. */
  public static void checkUnicode(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw InvalidRequestException.field(
            field, "must not contain the character U+0000 (at index " + i + ")");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw InvalidRequestException.field(
            field, "must not contain an unpaired UTF-16 surrogate (at index " + i + ")");
      }
    }
  }
}
