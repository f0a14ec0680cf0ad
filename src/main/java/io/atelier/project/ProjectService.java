package io.atelier.project;

import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import io.atelier.security.Caller;
import io.atelier.web.ConflictException;
import io.atelier.web.NotFoundException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: the top of the model hierarchy. Changes anywhere in a project's structure (moving or
 * deleting folders, deleting the project) first {@link #lock lock} the project's row exclusively,
 * so they run one after the other per project and cannot, for example, move two folders into each
 * other. Additions (creating files and folders, moving files) take the {@link ProjectLock#SHARED
 * shared} lock: they run side by side, and a structural change waits until they are done.
 */
@Service
public class ProjectService {

  private final ProjectRepository projects;

  ProjectService(ProjectRepository projects) {
    this.projects = projects;
  }

  @Transactional
  public Project create(String name, Caller caller) {
    String checkedName = Names.required("name", name);
    Author author = Author.of(caller);
    Instant now = Author.now();

    Project project = new Project(UUID.randomUUID(), checkedName, now, author, now, author);
    projects.insert(project);
    return project;
  }

  @Transactional(readOnly = true)
  public Project get(UUID id) {
    return projects.find(id).orElseThrow(() -> NotFoundException.of("Project", id));
  }

  @Transactional
  public Project rename(UUID id, String name, Caller caller) {
    String checkedName = Names.required("name", name);
    lock(id);

    projects.rename(id, checkedName, Author.now(), Author.of(caller));
    return get(id);
  }

  /**
   * Deletes a project with its folders. Unless {@code recursive}, a project that still holds files
   * is refused with 409 (v1); recursively (beta) its files go too.
   */
  @Transactional
  public void delete(UUID id, boolean recursive) {
    lock(id);

    int files = projects.countFiles(id);
    if (files > 0 && !recursive) {
      throw ConflictException.notEmpty("Project", id, files);
    }
    projects.delete(id);
  }

  @Transactional(readOnly = true)
  public SearchResult<Project> search(SearchQuery query) {
    return projects.search(query);
  }

  /** Locks the rows of the given projects exclusively; see {@link #lock(ProjectLock, UUID...)}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(UUID... ids) {
    lock(ProjectLock.EXCLUSIVE, ids);
  }

  /**
   * Locks the rows of the given projects, in a fixed order so that two requests locking the same
   * projects cannot deadlock. Must run inside the caller's transaction.
   *
   * @throws NotFoundException when a project does not exist
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(ProjectLock mode, UUID... ids) {
    UUID[] sorted =
        Arrays.stream(ids).filter(Objects::nonNull).distinct().sorted().toArray(UUID[]::new);
    for (UUID id : sorted) {
      if (!projects.lock(id, mode)) {
        throw NotFoundException.of("Project", id);
      }
    }
  }
}
