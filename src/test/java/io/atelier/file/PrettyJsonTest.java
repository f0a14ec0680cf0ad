package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The writer matches {@code JSON.stringify(value, null, 2)}, as modelers save templates. */
class PrettyJsonTest {

  private static String write(String json) {
    return PrettyJson.write(JsonMapper.builder().build().readTree(json));
  }

  @Test
  void writeWhenNestedThenTwoSpaceIndentAndColonSpace() {
    assertThat(write("{\"a\":[1,{\"b\":null}],\"c\":{},\"d\":[],\"e\":true}"))
        .isEqualTo(
            """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": {},
              "d": [],
              "e": true
            }""");
  }

  @Test
  void writeWhenStringsNeedEscapingThenLikeJavaScript() {
    assertThat(write("{\"s\":\"q\\\" b\\\\ n\\n t\\t u\\u0001 é 😀 </\"}"))
        .isEqualTo("{\n  \"s\": \"q\\\" b\\\\ n\\n t\\t u\\u0001 é 😀 </\"\n}");
  }

  @Test
  void writeWhenNumbersThenLikeJavaScript() {
    assertThat(write("[1, -2, 1.5, 2.0, 1e21, 1e-7, 0.000001, 12345678901234567890]"))
        .isEqualTo(
            "[\n  1,\n  -2,\n  1.5,\n  2,\n  1e+21,\n  1e-7,\n  0.000001,\n  12345678901234567890\n]");
  }
}
