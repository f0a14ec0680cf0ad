package io.atelier.folder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The folders of one or more projects, loaded in one query and walked in memory: paths for {@code
 * canonicalPath}/{@code simplePath}, subtrees for moves and deletes.
 */
public final class FolderTree {

  private final Map<UUID, Folder> byId = new HashMap<>();
  private final Map<UUID, List<Folder>> children = new HashMap<>();

  public FolderTree(Collection<Folder> folders) {
    for (Folder folder : folders) {
      byId.put(folder.id(), folder);
    }
    for (Folder folder : folders) {
      if (folder.parentId() != null) {
        children.computeIfAbsent(folder.parentId(), k -> new ArrayList<>()).add(folder);
      }
    }
  }

  /** The folder and its ancestors, from the project's root down; empty for null. */
  public List<Folder> path(UUID folderId) {
    List<Folder> path = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (UUID id = folderId; id != null && seen.add(id); ) {
      Folder folder = byId.get(id);
      if (folder == null) {
        break;
      }
      path.add(folder);
      id = folder.parentId();
    }
    Collections.reverse(path);
    return path;
  }

  /** The folder's id and the ids of all folders below it. */
  public Set<UUID> subtree(UUID folderId) {
    Set<UUID> ids = new HashSet<>();
    List<UUID> pending = new ArrayList<>(List.of(folderId));
    while (!pending.isEmpty()) {
      UUID id = pending.remove(pending.size() - 1);
      if (ids.add(id)) {
        children.getOrDefault(id, List.of()).forEach(child -> pending.add(child.id()));
      }
    }
    return ids;
  }
}
