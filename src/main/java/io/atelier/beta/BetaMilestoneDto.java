package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/** A milestone with the file content it captured. */
@Schema(name = "BetaMilestoneDto", description = "MilestoneDto of the beta API")
public record BetaMilestoneDto(BetaMilestoneMetadataDto metadata, String content) {}
