package io.atelier.folder;

import io.atelier.project.Author;
import io.atelier.project.Names;
import io.atelier.project.ProjectLock;
import io.atelier.project.ProjectService;
import io.atelier.security.Caller;
import io.atelier.web.ConflictException;
import io.atelier.web.InvalidRequestException;
import io.atelier.web.NotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folders: creation, renames, moves (within and across projects, with their whole subtree) and
 * deletes, under the placement rules of the contract. Every structural change locks the projects
 * involved first (see {@link ProjectService#lock}).
 */
@Service
public class FolderService {

  private final FolderRepository folders;
  private final ProjectService projects;

  FolderService(FolderRepository folders, ProjectService projects) {
    this.folders = folders;
    this.projects = projects;
  }

  /**
   * Creates a folder in {@code parentId}, or at the root of {@code projectId}; with both, the
   * parent must lie in that project.
   */
  @Transactional
  public Folder create(String name, UUID projectId, UUID parentId, Caller caller) {
    String checkedName = Names.required("name", name);
    if (projectId == null && parentId == null) {
      throw InvalidRequestException.field("projectId", "either projectId or parentId is required");
    }
    Placement placement = place(ProjectLock.SHARED, projectId, parentId, "parentId");

    Author author = Author.of(caller);
    Instant now = Author.now();
    Folder folder =
        new Folder(
            UUID.randomUUID(),
            checkedName,
            placement.projectId(),
            placement.folderId(),
            now,
            author,
            now,
            author);
    folders.insert(folder);
    return folder;
  }

  @Transactional(readOnly = true)
  public Folder get(UUID id) {
    return folders.find(id).orElseThrow(() -> NotFoundException.of("Folder", id));
  }

  /**
   * Renames and/or moves a folder: {@code parentId} moves it into that folder (any project), {@code
   * projectId} alone to that project's root; with both, the parent must lie in that project. A move
   * to another project takes the folder's sub-folders and files along.
   */
  @Transactional
  public Folder update(UUID id, String name, UUID projectId, UUID parentId, Caller caller) {
    String checkedName = Names.optional("name", name);
    Folder current = get(id);
    boolean move = projectId != null || parentId != null;
    Placement placement =
        move
            ? place(ProjectLock.EXCLUSIVE, projectId, parentId, "parentId", current.projectId())
            : lockedPlacement(current);
    current = get(id);

    FolderTree tree = tree(List.of(current.projectId()));
    Set<UUID> subtree = tree.subtree(id);
    if (placement.folderId() != null && subtree.contains(placement.folderId())) {
      throw InvalidRequestException.field(
          "parentId", "a folder cannot be moved into itself or one of its sub-folders");
    }

    Folder changed =
        new Folder(
            id,
            checkedName != null ? checkedName : current.name(),
            placement.projectId(),
            placement.folderId(),
            current.created(),
            current.createdBy(),
            Author.now(),
            Author.of(caller));
    folders.update(changed);
    if (!placement.projectId().equals(current.projectId())) {
      folders.moveToProject(subtree, placement.projectId());
    }
    return changed;
  }

  private Placement lockedPlacement(Folder folder) {
    projects.lock(folder.projectId());
    Folder locked = get(folder.id());
    if (!locked.projectId().equals(folder.projectId())) {
      projects.lock(locked.projectId());
    }
    return new Placement(locked.projectId(), locked.parentId());
  }

  /**
   * Deletes a folder with its sub-folders. Unless {@code recursive}, a folder holding files at any
   * depth is refused with 409 (v1); recursively (beta) its files go too.
   */
  @Transactional
  public void delete(UUID id, boolean recursive) {
    Folder folder = get(id);
    lockedPlacement(folder);
    folder = get(id);

    Set<UUID> subtree = tree(List.of(folder.projectId())).subtree(id);
    int files = folders.countFiles(subtree);
    if (files > 0 && !recursive) {
      throw ConflictException.notEmpty("Folder", id, files);
    }
    folders.delete(id);
  }

  /** The folders directly inside a folder. */
  @Transactional(readOnly = true)
  public List<Folder> children(UUID id) {
    return folders.findChildren(id);
  }

  /** All folders of a project, at any depth. */
  @Transactional(readOnly = true)
  public List<Folder> inProject(UUID projectId) {
    return folders.findByProjects(List.of(projectId));
  }

  /** These folders and their ancestors, ready for path look-ups; no other folder is read. */
  @Transactional(readOnly = true)
  public FolderTree ancestry(Collection<UUID> folderIds) {
    return new FolderTree(folders.findWithAncestors(folderIds));
  }

  /** All folders of these projects, for walking subtrees. */
  private FolderTree tree(Collection<UUID> projectIds) {
    return new FolderTree(folders.findByProjects(projectIds));
  }

  /**
   * Resolves and locks where a folder or file goes: into {@code folderId} when given (its project;
   * with {@code projectId} too, they must agree), else the root of {@code projectId}. Locks the
   * target project and {@code alsoLock} (the project something moves out of) in the given mode: a
   * folder once locked in cannot move to another project before the caller's transaction ends. Must
   * run inside that transaction.
   *
   * @param folderField how the request names the folder, for error messages
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Placement place(
      ProjectLock mode, UUID projectId, UUID folderId, String folderField, UUID... alsoLock) {
    if (folderId == null) {
      projects.lock(mode, concat(projectId, alsoLock));
      return new Placement(projectId, null);
    }
    Folder folder = get(folderId);
    projects.lock(mode, concat(projectId != null ? projectId : folder.projectId(), alsoLock));
    Folder locked = get(folderId);
    if (projectId != null && !locked.projectId().equals(projectId)) {
      throw InvalidRequestException.field(
          folderField, "folder " + folderId + " is not in project " + projectId);
    }
    if (!locked.projectId().equals(folder.projectId())) {
      projects.lock(mode, locked.projectId());
    }
    return new Placement(locked.projectId(), folderId);
  }

  private static UUID[] concat(UUID first, UUID... more) {
    UUID[] all = new UUID[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }
}
