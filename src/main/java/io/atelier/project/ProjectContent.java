package io.atelier.project;

import io.atelier.file.FileMetadataDto;
import io.atelier.folder.FolderMetadataDto;
import java.util.List;

/** Every folder and file of a project, at any depth. */
public record ProjectContent(List<FolderMetadataDto> folders, List<FileMetadataDto> files) {}
