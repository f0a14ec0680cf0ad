package io.atelier.file;

import io.atelier.folder.FolderService;
import io.atelier.folder.FolderTree;
import io.atelier.folder.Placement;
import io.atelier.project.Author;
import io.atelier.project.Names;
import io.atelier.project.ProjectLock;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import io.atelier.security.Caller;
import io.atelier.web.ConflictException;
import io.atelier.web.InvalidRequestException;
import io.atelier.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model files: create, read, change (content, name, location) under optimistic locking by {@code
 * revision}, and delete. Content is checked by type and stored exactly as sent, except connector
 * templates, which {@link ConnectorTemplates} rewrites as Web Modeler does.
 */
@Service
public class FileService {

  private static final String REVISION_CONFLICT =
      "There was a revision conflict while processing your file.";

  private final FileRepository files;
  private final FolderService folders;

  FileService(FileRepository files, FolderService folders) {
    this.files = files;
    this.folders = folders;
  }

  /** What a new file is made of; ids already parsed, the rest as the request sent it. */
  public record NewFile(
      String name, UUID projectId, UUID folderId, String fileType, String content) {}

  /**
   * A change to a file; null fields stay as they are. {@code folderId} moves the file into that
   * folder (any project), {@code projectId} alone to that project's root; with both, the folder
   * must lie in that project.
   */
  public record FileChange(
      String name, String content, Integer revision, UUID projectId, UUID folderId) {}

  /** Creates a file from a v1 request, whose folder field is {@code folderId}. */
  @Transactional
  public ModelFile create(NewFile request, Caller caller) {
    return create(request, "folderId", caller);
  }

  /**
   * Creates a file; {@code folderField} is what the request calls the folder ({@code folderId} in
   * v1, {@code parentId} in beta), so refusals name the field the caller sent.
   */
  @Transactional
  public ModelFile create(NewFile request, String folderField, Caller caller) {
    String name = Names.required("name", request.name());
    FileType type = FileType.parse("fileType", request.fileType());
    if (request.content() == null) {
      throw InvalidRequestException.field("content", "must not be null");
    }
    if (request.projectId() == null && request.folderId() == null) {
      throw InvalidRequestException.field(
          "projectId", "either projectId or " + folderField + " is required");
    }
    UUID id = UUID.randomUUID();
    String content =
        type == FileType.CONNECTOR_TEMPLATE
            ? ConnectorTemplates.forCreate(checkedUnicode(request.content()), id, name)
            : checked(type, request.content());

    Placement placement =
        folders.place(ProjectLock.SHARED, request.projectId(), request.folderId(), folderField);
    Author author = Author.of(caller);
    Instant now = Author.now();
    ModelFile file =
        new ModelFile(
            id,
            name,
            placement.projectId(),
            placement.folderId(),
            type,
            1,
            now,
            author,
            now,
            author,
            List.of());
    files.insert(file, content);
    return withPath(file);
  }

  @Transactional(readOnly = true)
  public ModelFile get(UUID id) {
    return withPath(find(id));
  }

  @Transactional(readOnly = true)
  public StoredFile getWithContent(UUID id) {
    StoredFile stored =
        files.findWithContent(id).orElseThrow(() -> NotFoundException.of("File", id));
    return new StoredFile(withPath(stored.metadata()), stored.content());
  }

  /** Applies a change from a v1 request, whose folder field is {@code folderId}. */
  @Transactional
  public ModelFile update(UUID id, FileChange change, Caller caller) {
    return update(id, change, "folderId", caller);
  }

  /**
   * Applies a change if {@code revision} is the file's current one, and increments the revision.
   * {@code folderField} is what the request calls the folder, for refusals.
   *
   * @throws ConflictException with {@code currentRevision} when the revision is stale
   */
  @Transactional
  public ModelFile update(UUID id, FileChange change, String folderField, Caller caller) {
    if (change.revision() == null) {
      throw InvalidRequestException.field("revision", "must not be null");
    }
    String name = Names.optional("name", change.name());
    if (change.content() != null) {
      Names.checkUnicode("content", change.content());
    }
    ModelFile current = find(id);
    if (current.revision() != change.revision()) {
      throw revisionConflict(current.revision());
    }

    boolean move = change.projectId() != null || change.folderId() != null;
    Placement placement =
        move
            ? folders.place(
                ProjectLock.SHARED,
                change.projectId(),
                change.folderId(),
                folderField,
                current.projectId())
            : new Placement(current.projectId(), current.folderId());
    String newName = name != null ? name : current.name();
    String content = contentToStore(current, change.content(), newName);

    ModelFile changed =
        new ModelFile(
            id,
            newName,
            placement.projectId(),
            placement.folderId(),
            current.type(),
            current.revision() + 1,
            current.created(),
            current.createdBy(),
            Author.now(),
            Author.of(caller),
            List.of());
    if (!files.update(
        changed, content, move, change.revision(), changed.updated(), changed.updatedBy())) {
      throw revisionConflict(
          files.findRevision(id).orElseThrow(() -> NotFoundException.of("File", id)));
    }
    return get(id);
  }

  /**
   * Makes {@code content} the file's content as a new revision, whatever the current revision is
   * (restoring a milestone). The content is checked like any other.
   */
  @Transactional
  public ModelFile replaceContent(UUID id, String content, Caller caller) {
    ModelFile current = find(id);
    return update(id, new FileChange(null, content, current.revision(), null, null), caller);
  }

  @Transactional
  public void delete(UUID id) {
    if (!files.delete(id)) {
      throw NotFoundException.of("File", id);
    }
  }

  /** The files directly in a folder. */
  @Transactional(readOnly = true)
  public List<ModelFile> inFolder(UUID folderId) {
    return withPaths(files.findInFolder(folderId));
  }

  /** All files of a project, at any depth. */
  @Transactional(readOnly = true)
  public List<ModelFile> inProject(UUID projectId) {
    return withPaths(files.findByProject(projectId));
  }

  @Transactional(readOnly = true)
  public SearchResult<ModelFile> search(SearchQuery query) {
    SearchResult<ModelFile> page = files.search(query);
    return new SearchResult<>(withPaths(page.items()), page.total());
  }

  private ModelFile find(UUID id) {
    return files.find(id).orElseThrow(() -> NotFoundException.of("File", id));
  }

  private String contentToStore(ModelFile current, String newContent, String newName) {
    if (current.type() == FileType.CONNECTOR_TEMPLATE) {
      if (newContent == null && newName.equals(current.name())) {
        return null;
      }
      String stored = files.findContent(current.id()).orElseThrow();
      return ConnectorTemplates.forUpdate(newContent, stored, current.id(), newName);
    }
    return newContent == null ? null : checked(current.type(), newContent);
  }

  private static String checked(FileType type, String content) {
    checkedUnicode(content);
    switch (type) {
      case BPMN, DMN -> XmlContent.check(type, content);
      case FORM, CONNECTOR_TEMPLATE -> JsonContent.parseObject(content);
    }
    return content;
  }

  private static String checkedUnicode(String content) {
    Names.checkUnicode("content", content);
    return content;
  }

  private static ConflictException revisionConflict(int currentRevision) {
    return new ConflictException(
        REVISION_CONFLICT + " The current revision is " + currentRevision + ".",
        "REVISION_CONFLICT",
        Map.of("currentRevision", currentRevision));
  }

  private ModelFile withPath(ModelFile file) {
    return withPaths(List.of(file)).get(0);
  }

  private List<ModelFile> withPaths(List<ModelFile> found) {
    if (found.stream().allMatch(file -> file.folderId() == null)) {
      return found;
    }
    FolderTree tree =
        folders.ancestry(
            found.stream().map(ModelFile::folderId).filter(Objects::nonNull).distinct().toList());
    return found.stream()
        .map(
            file ->
                file.withPath(
                    tree.path(file.folderId()).stream()
                        .map(folder -> new PathElement(folder.id(), folder.name()))
                        .toList()))
        .toList();
  }
}
