package io.atelier.folder;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PATCH /api/v1/folders/{folderId}}: rename and/or move. */
public record UpdateFolderDto(
    @Schema(minLength = 1, maxLength = 255) String name,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    @Schema(minLength = 1, maxLength = 255) String parentId) {}
