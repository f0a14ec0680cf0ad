package io.atelier.folder;

import io.atelier.file.FileMetadataDto;
import java.util.List;

/** The folders and files directly inside a folder. */
public record FolderContentDto(List<FolderMetadataDto> folders, List<FileMetadataDto> files) {}
