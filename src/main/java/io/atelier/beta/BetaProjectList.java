package io.atelier.beta;

import io.atelier.project.Project;
import io.atelier.project.ProjectService;
import io.atelier.search.Search;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import io.atelier.search.SortDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * All projects, for beta's {@code GET /api/beta/projects}, which v1 replaced with a paged search.
 * The pages are read in one repeatable-read transaction, so a project created or deleted meanwhile
 * cannot shift an item from one page to the next.
 */
@Component
class BetaProjectList {

  private final ProjectService projects;

  BetaProjectList(ProjectService projects) {
    this.projects = projects;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  List<Project> all() {
    List<Project> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      SearchResult<Project> found = projects.search(new Page(page));
      all.addAll(found.items());
      if (found.items().size() < Search.MAX_SIZE || all.size() >= found.total()) {
        return all;
      }
    }
  }

  /** One page of every project, in the search's default order (created, then id). */
  private record Page(Integer page) implements SearchQuery {

    @Override
    public Map<String, Object> filter() {
      return Map.of();
    }

    @Override
    public List<SortDto> sort() {
      return List.of();
    }

    @Override
    public Integer size() {
      return Search.MAX_SIZE;
    }
  }
}
