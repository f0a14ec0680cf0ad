package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path never changes what Spring Security's firewall expressions decide. */
class HeaderRulesTest {

  private static final Pattern SPRING_NAME =
      Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern SPRING_VALUE =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
        "",
        "a\tb",
        "line\nbreak",
        "nul\u0000",
        "del\u007f",
        "caf\u00e9",
        "\u0085next line",
        "unassigned \u0378",
        "emoji \ud83d\ude00",
        "lone surrogate \ud83d",
        "~ !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}"
      })
  void allowedWhenSampleThenSameAsSpring(String text) {
    assertThat(HeaderRules.allowedName(text)).isEqualTo(SPRING_NAME.matcher(text).matches());
    assertThat(HeaderRules.allowedValue(text)).isEqualTo(SPRING_VALUE.matcher(text).matches());
  }

  @Test
  void allowedWhenRandomTextThenSameAsSpring() {
    Random random = new Random(20261204);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(
            (char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
      }
      String sample = text.toString();

      assertThat(HeaderRules.allowedName(sample))
          .as("name %s", sample.chars().boxed().toList())
          .isEqualTo(SPRING_NAME.matcher(sample).matches());
      assertThat(HeaderRules.allowedValue(sample))
          .as("value %s", sample.chars().boxed().toList())
          .isEqualTo(SPRING_VALUE.matcher(sample).matches());
    }
  }
}
