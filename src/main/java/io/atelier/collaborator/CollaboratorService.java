package io.atelier.collaborator;

import io.atelier.project.Author;
import io.atelier.project.ProjectService;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import io.atelier.search.SortDto;
import io.atelier.user.Emails;
import io.atelier.user.KnownUser;
import io.atelier.user.UserService;
import io.atelier.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who collaborates on which project, in which role. Only users Atelier knows can be added: those
 * who have called it with a user token, and those declared in {@code atelier.identity.users}.
 * Changes to one project's collaborators run one after the other (the project's row is locked).
 */
@Service
public class CollaboratorService {

  private final CollaboratorRepository collaborators;
  private final ProjectService projects;
  private final UserService users;

  CollaboratorService(
      CollaboratorRepository collaborators, ProjectService projects, UserService users) {
    this.collaborators = collaborators;
    this.projects = projects;
    this.users = users;
  }

  /**
   * Adds a known user to a project in a role, or changes their role there.
   *
   * @throws io.atelier.web.InvalidRequestException for a malformed email or an unknown role
   * @throws NotFoundException when the project or the user is unknown
   */
  @Transactional
  public void save(String email, UUID projectId, Role role) {
    String address = Emails.required("email", email);
    projects.lock(projectId);
    KnownUser user = users.find(address).orElseThrow(() -> unknownUser(address));

    collaborators.save(projectId, Emails.key(user.email()), role, Author.now());
  }

  /**
   * Removes a user from a project.
   *
   * @throws NotFoundException when the project is unknown or the user is not its collaborator
   */
  @Transactional
  public void remove(UUID projectId, String email) {
    projects.lock(projectId);

    if (!collaborators.delete(projectId, Emails.key(email))) {
      throw new NotFoundException(
          "User " + email + " is not a collaborator of project " + projectId + ".");
    }
  }

  /**
   * Searches with the filter fields of {@code ProjectCollaboratorDto}: the role strictly as the API
   * writes it, the email in any letter case.
   */
  @Transactional(readOnly = true)
  public SearchResult<Collaborator> search(SearchQuery query) {
    return collaborators.search(asStored(query));
  }

  private static SearchQuery asStored(SearchQuery query) {
    if (query.filter() == null) {
      return query;
    }
    Map<String, Object> filter = new LinkedHashMap<>(query.filter());
    if (filter.get("role") != null) {
      filter.put("role", Role.parse("filter.role", filter.get("role")).name());
    }
    if (filter.get("email") instanceof String email) {
      filter.put("email", Emails.key(email));
    }
    return new StoredQuery(filter, query.sort(), query.page(), query.size());
  }

  private record StoredQuery(
      Map<String, Object> filter, List<SortDto> sort, Integer page, Integer size)
      implements SearchQuery {}

  private static NotFoundException unknownUser(String email) {
    return new NotFoundException(
        "User "
            + email
            + " is not known to Atelier. A user becomes known by calling Atelier once with a"
            + " user token, or by being declared in atelier.identity.users.");
  }
}
