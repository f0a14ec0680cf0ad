package io.atelier.project;

/** How a request holds the rows of the projects it works in, until its transaction ends. */
public enum ProjectLock {
  /**
   * For adding to a project: a file or folder created in it, a file moved into or out of it. Such
   * requests to one project run side by side and wait only for changes to its structure. On H2,
   * which has no shared row locks, this is the exclusive lock.
   */
  SHARED,
  /**
   * For changing a project's structure: renaming or deleting it, moving or deleting a folder,
   * changing collaborators. It waits for, and holds off, every other lock on the project.
   */
  EXCLUSIVE
}
