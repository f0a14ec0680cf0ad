package io.atelier.beta;

import io.atelier.folder.Folder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A folder without its content, as beta answers it. */
@Schema(name = "BetaFolderMetadataDto", description = "FolderMetadataDto of the beta API")
public record BetaFolderMetadataDto(
    UUID id,
    String name,
    UUID projectId,
    UUID parentId,
    Instant created,
    Instant updated,
    BetaUserDto createdBy,
    BetaUserDto updatedBy) {

  static BetaFolderMetadataDto of(Folder folder) {
    return new BetaFolderMetadataDto(
        folder.id(),
        folder.name(),
        folder.projectId(),
        folder.parentId(),
        folder.created(),
        folder.updated(),
        BetaUserDto.of(folder.createdBy()),
        BetaUserDto.of(folder.updatedBy()));
  }
}
