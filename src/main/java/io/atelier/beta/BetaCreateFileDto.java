package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of {@code POST /api/beta/files}: v1's, with the folder named {@code parentId}. */
@Schema(name = "BetaCreateFileDto", description = "CreateFileDto of the beta API")
public record BetaCreateFileDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name,
    String parentId,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String content,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description = "One of bpmn, dmn, form, connector_template")
        String fileType) {}
