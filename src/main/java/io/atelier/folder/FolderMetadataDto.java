package io.atelier.folder;

import io.atelier.project.UserDto;
import java.time.Instant;
import java.util.UUID;

/** A folder without its content, as v1 answers it. */
public record FolderMetadataDto(
    UUID id,
    String name,
    UUID projectId,
    UUID parentId,
    Instant created,
    Instant updated,
    UserDto createdBy,
    UserDto updatedBy) {

  public static FolderMetadataDto of(Folder folder) {
    return new FolderMetadataDto(
        folder.id(),
        folder.name(),
        folder.projectId(),
        folder.parentId(),
        folder.created(),
        folder.updated(),
        UserDto.of(folder.createdBy()),
        UserDto.of(folder.updatedBy()));
  }
}
