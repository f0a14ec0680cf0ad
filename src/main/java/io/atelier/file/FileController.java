package io.atelier.file;

import io.atelier.file.FileService.FileChange;
import io.atelier.file.FileService.NewFile;
import io.atelier.project.Names;
import io.atelier.search.SearchResult;
import io.atelier.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The v1 file endpoints. */
@RestController
@Tag(name = "Files")
class FileController {

  private final FileService files;

  FileController(FileService files) {
    this.files = files;
  }

  @PostMapping("/api/v1/files")
  @Operation(operationId = "createFile", summary = "Create a file")
  FileMetadataDto create(@RequestBody CreateFileDto request, Caller caller) {
    NewFile file =
        new NewFile(
            request.name(),
            Names.id("projectId", request.projectId()),
            Names.id("folderId", request.folderId()),
            request.fileType(),
            request.content());
    return FileMetadataDto.of(files.create(file, caller));
  }

  @GetMapping("/api/v1/files/{fileId}")
  @Operation(operationId = "getFile", summary = "Get a file with its content")
  FileDto get(@PathVariable UUID fileId) {
    StoredFile file = files.getWithContent(fileId);
    return new FileDto(FileMetadataDto.of(file.metadata()), file.content());
  }

  @PatchMapping("/api/v1/files/{fileId}")
  @Operation(operationId = "patchFile", summary = "Change a file's content, name or location")
  FileMetadataDto update(
      @PathVariable UUID fileId, @RequestBody UpdateFileDto request, Caller caller) {
    FileChange change =
        new FileChange(
            request.name(),
            request.content(),
            request.revision(),
            Names.id("projectId", request.projectId()),
            Names.id("folderId", request.folderId()));
    return FileMetadataDto.of(files.update(fileId, change, caller));
  }

  @DeleteMapping("/api/v1/files/{fileId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteFile", summary = "Delete a file")
  void delete(@PathVariable UUID fileId) {
    files.delete(fileId);
  }

  @PostMapping("/api/v1/files/search")
  @Operation(operationId = "searchFiles", summary = "Search files")
  PubSearchResultDtoFileMetadataDto search(@RequestBody PubSearchDtoFileMetadataDto request) {
    SearchResult<FileMetadataDto> page = files.search(request).map(FileMetadataDto::of);
    return new PubSearchResultDtoFileMetadataDto(page.items(), page.total());
  }
}
