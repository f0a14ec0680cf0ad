package io.atelier.project;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code POST /api/v1/projects}. */
public record CreateProjectDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name) {}
