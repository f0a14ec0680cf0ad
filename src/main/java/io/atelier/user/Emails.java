package io.atelier.user;

import io.atelier.web.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** How emails are checked and compared: one user per address, whatever its letter case. */
public final class Emails {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final int MAX_LENGTH = 255;

  private Emails() {}

  /** A required email: present, 1–255 characters, one {@code @} between two non-empty parts. */
  public static String required(String field, String value) {
    if (value == null) {
      throw InvalidRequestException.field(field, "must not be null");
    }
    if (value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()) {
      throw InvalidRequestException.field(field, "must be a well-formed email address");
    }
    return value;
  }

  /** The key an address is stored and found under. */
  public static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
