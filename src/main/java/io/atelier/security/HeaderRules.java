package io.atelier.security;

import java.util.regex.Pattern;

/**
 * The header rules of Spring Security's {@code StrictHttpFirewall}: names and values of assigned,
 * non-control characters (values may hold tabs). The firewall checks them with a regular expression
 * on every {@code getHeader}; a 900-character bearer token read twice per request made that a tenth
 * of the CPU of {@code GET /api/v1/info}. Printable ASCII, which every token and almost every
 * header is, passes both rules, so only other text goes through the expressions.
 */
final class HeaderRules {

  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern VALUE =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  private HeaderRules() {}

  static boolean allowedName(String name) {
    return printableAscii(name) || NAME.matcher(name).matches();
  }

  static boolean allowedValue(String value) {
    return printableAscii(value) || VALUE.matcher(value).matches();
  }

  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
