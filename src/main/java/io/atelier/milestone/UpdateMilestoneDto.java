package io.atelier.milestone;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PATCH /api/v1/milestones/{milestoneId}}: milestones are only renamed. */
public record UpdateMilestoneDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name) {}
