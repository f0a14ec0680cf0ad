package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request body of {@code POST /api/beta/milestones}. Beta's schema leaves {@code fileId} optional,
 * but a milestone is always of one file, so a request without it is refused with 400.
 */
@Schema(name = "BetaCreateMilestoneDto", description = "CreateMilestoneDto of the beta API")
public record BetaCreateMilestoneDto(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
        String name,
    @Schema(minLength = 1, maxLength = 255) String fileId) {}
