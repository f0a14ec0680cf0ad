package io.atelier.file;

import io.atelier.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Checks form and connector-template content: it must be one JSON object and nothing else. */
final class JsonContent {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonContent() {}

  /** The content as a JSON object; a leading U+FEFF is skipped. */
  static ObjectNode parseObject(String content) {
    String json = content.startsWith("\uFEFF") ? content.substring(1) : content;
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw InvalidRequestException.field("content", "is not valid JSON" + where(e) + firstLine(e));
    }
    if (node == null || node.isMissingNode()) {
      throw InvalidRequestException.field("content", "must be a JSON object, but is empty");
    }
    if (!(node instanceof ObjectNode object)) {
      throw InvalidRequestException.field(
          "content", "must be a JSON object, but is " + describe(node));
    }
    return object;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "not an object";
    };
  }

  private static String where(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      return "";
    }
    int newline = message.indexOf('\n');
    return ": " + (newline < 0 ? message : message.substring(0, newline));
  }
}
