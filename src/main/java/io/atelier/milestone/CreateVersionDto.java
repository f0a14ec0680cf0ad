package io.atelier.milestone;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code POST /api/v1/versions}; without a name the version is auto-named. */
public record CreateVersionDto(
    @Schema(minLength = 1, maxLength = 255) String name,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String fileId,
    String description) {}
