package io.atelier.collaborator;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code PUT /api/v1/collaborators}. */
public record CreateCollaboratorDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String email,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String projectId,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            pattern = "^project_admin|editor|viewer|commenter$",
            allowableValues = {"project_admin", "editor", "viewer", "commenter"})
        String role) {}
