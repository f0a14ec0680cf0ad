package io.atelier.file;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PATCH /api/v1/files/{fileId}}: any of content, name and location. */
public record UpdateFileDto(
    @Schema(minLength = 1, maxLength = 255) String name,
    String content,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int32") Integer revision,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    @Schema(minLength = 1, maxLength = 255) String folderId) {}
