package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request body of {@code PATCH /api/beta/files/{fileId}}: v1's, with the folder named {@code
 * parentId}.
 */
@Schema(name = "BetaUpdateFileDto", description = "UpdateFileDto of the beta API")
public record BetaUpdateFileDto(
    @Schema(minLength = 1, maxLength = 255) String name,
    String content,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int32") Integer revision,
    @Schema(minLength = 1, maxLength = 255) String projectId,
    String parentId) {}
