package io.atelier.folder;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code POST /api/v1/folders}. */
public record CreateFolderDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    @Schema(minLength = 1, maxLength = 255) String parentId) {}
