package io.atelier.file;

import io.atelier.web.ForbiddenOperationException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Web Modeler's rules for connector templates: {@code $schema} is the Camunda element-template
 * schema, {@code id} is the file's id, {@code name} is the file's name, and {@code version} is
 * managed by the server (1 on create, +1 on every content change). A client may send these fields,
 * but on update it may not change {@code $schema} or {@code id} (403); it may leave them out, and
 * they are restored. Rewritten templates are stored with two-space indentation.
 */
final class ConnectorTemplates {

  static final String SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  private ConnectorTemplates() {}

  /** The content to store for a new template. */
  static String forCreate(String content, UUID id, String name) {
    return rewrite(JsonContent.parseObject(content), id, name, 1);
  }

  /**
   * The content to store after an update: the new content if one was sent (version bumped), else
   * the stored content with the file's possibly new name.
   */
  static String forUpdate(String newContent, String storedContent, UUID id, String name) {
    ObjectNode stored = JsonContent.parseObject(storedContent);
    int storedVersion = stored.path("version").asInt(0);
    if (newContent == null) {
      return rewrite(stored, id, name, storedVersion);
    }
    ObjectNode template = JsonContent.parseObject(newContent);
    refuseChange(template, "$schema", SCHEMA);
    refuseChange(template, "id", id.toString());
    return rewrite(template, id, name, storedVersion + 1);
  }

  private static void refuseChange(ObjectNode template, String field, String fixed) {
    JsonNode sent = template.get(field);
    if (sent != null && !sent.isNull() && !(sent.isString() && sent.stringValue().equals(fixed))) {
      throw new ForbiddenOperationException("Operation not allowed.");
    }
  }

  private static String rewrite(ObjectNode template, UUID id, String name, int version) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("$schema", SCHEMA);
    template.properties().forEach(field -> result.set(field.getKey(), field.getValue()));
    result.put("$schema", SCHEMA);
    result.put("name", name);
    result.put("id", id.toString());
    result.put("version", version);
    return PrettyJson.write(result);
  }
}
