package io.atelier.folder;

/** A folder with its direct children. */
public record FolderDto(FolderMetadataDto metadata, FolderContentDto content) {}
