package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;

/** A file with its content, exactly as stored. */
@Schema(name = "BetaFileDto", description = "FileDto of the beta API")
public record BetaFileDto(BetaFileMetadataDto metadata, String content) {}
