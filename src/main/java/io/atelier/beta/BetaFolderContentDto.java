package io.atelier.beta;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The folders and files directly inside a folder. */
@Schema(name = "BetaFolderContentDto", description = "FolderContentDto of the beta API")
public record BetaFolderContentDto(
    List<BetaFolderMetadataDto> folders, List<BetaFileMetadataDto> files) {}
