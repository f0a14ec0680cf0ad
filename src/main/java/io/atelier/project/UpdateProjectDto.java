package io.atelier.project;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PATCH /api/v1/projects/{projectId}}: projects can only be renamed. */
public record UpdateProjectDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name) {}
