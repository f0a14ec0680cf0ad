package io.atelier.milestone;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PATCH /api/v1/versions/{versionId}}; absent fields stay as they are. */
public record UpdateVersionDto(
    @Schema(minLength = 1, maxLength = 255) String name,
    String description,
    Boolean organizationPublic) {}
