package io.atelier.file;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON the way {@code JSON.stringify(value, null, 2)} does, so that templates the server
 * rewrites stay as readable as the ones modelers save: two-space indentation, {@code "key": value},
 * empty containers as {@code {}} and {@code []}, non-ASCII characters unescaped.
 */
final class PrettyJson {

  private PrettyJson() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "", out);
    return out.toString();
  }

  private static void write(JsonNode node, String indent, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, indent, out);
      case ARRAY -> writeArray(node, indent, out);
      case STRING -> quote(node.stringValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue());
      default -> out.append("null");
    }
  }

  private static void writeObject(JsonNode node, String indent, StringBuilder out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    if (!fields.hasNext()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.append(inner);
      quote(field.getKey(), out);
      out.append(": ");
      write(field.getValue(), inner, out);
      out.append(fields.hasNext() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void writeArray(JsonNode node, String indent, StringBuilder out) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < node.size(); i++) {
      out.append(inner);
      write(node.get(i), inner, out);
      out.append(i + 1 < node.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    double value = node.doubleValue();
    if (value == Math.rint(value) && Math.abs(value) < 1e21) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e21) {
      return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
    String text = Double.toString(value).replace("E", "e").replace(".0e", "e");
    return text.contains("e-") ? text : text.replace("e", "e+");
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
