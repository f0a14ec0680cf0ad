package io.atelier.file;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code POST /api/v1/files}. */
public record CreateFileDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name,
    @Schema(minLength = 1, maxLength = 255) String folderId,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String content,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            pattern = "^bpmn|dmn|form|connector_template$",
            allowableValues = {"bpmn", "dmn", "form", "connector_template"})
        String fileType) {}
