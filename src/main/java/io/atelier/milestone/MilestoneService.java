package io.atelier.milestone;

import io.atelier.file.FileService;
import io.atelier.file.StoredFile;
import io.atelier.project.Author;
import io.atelier.project.Names;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import io.atelier.security.Caller;
import io.atelier.web.InvalidRequestException;
import io.atelier.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Milestones: named snapshots of a file's content, kept byte for byte, which can be renamed,
 * compared, restored into the file (as a new revision) and deleted. Later Web Modeler releases call
 * them versions and give them a description and an organisation-wide visibility; both APIs read and
 * write the same store. A file's milestones are deleted with the file.
 */
@Service
public class MilestoneService {

  private final MilestoneRepository milestones;
  private final FileService files;
  private final String serverUrl;

  MilestoneService(
      MilestoneRepository milestones,
      FileService files,
      @Value("${atelier.server-url:http://localhost:8070}") String serverUrl) {
    this.milestones = milestones;
    this.files = files;
    this.serverUrl = serverUrl.replaceAll("/+$", "");
  }

  /**
   * A change to a milestone; null fields stay as they are.
   *
   * @param name 1–255 characters when given
   * @param description the version's description
   * @param organizationPublic whether the version is visible to the whole organisation
   */
  public record MilestoneChange(String name, String description, Boolean organizationPublic) {}

  /** Which two milestones of one file a comparison shows, the first being the baseline. */
  public record Comparison(UUID fileId, UUID baselineId, UUID comparedId) {}

  /**
   * Captures the file's current content under {@code name} (required, 1–255 characters).
   *
   * @throws InvalidRequestException when the name or file id is missing or malformed
   * @throws NotFoundException when the file does not exist
   */
  @Transactional
  public Milestone create(UUID fileId, String name, Caller caller) {
    return capture(fileId, Names.required("name", name), null, caller);
  }

  /**
   * Captures the file's current content as a version; without a name it is called "Version N", N
   * counting the file's versions.
   */
  @Transactional
  public Milestone createVersion(UUID fileId, String name, String description, Caller caller) {
    String checkedName = Names.optional("name", name);
    return capture(fileId, checkedName, checkedDescription(description), caller);
  }

  @Transactional(readOnly = true)
  public Milestone get(UUID id) {
    return milestones.find(id).orElseThrow(() -> notFound(id));
  }

  @Transactional(readOnly = true)
  public StoredMilestone getWithContent(UUID id) {
    Milestone milestone = get(id);
    String content = milestones.findContent(id).orElseThrow(() -> notFound(id));
    return new StoredMilestone(milestone, content);
  }

  /**
   * The milestones of a file, oldest first.
   *
   * @throws NotFoundException when the file does not exist
   */
  @Transactional(readOnly = true)
  public List<Milestone> forFile(UUID fileId) {
    files.get(fileId);
    return milestones.findByFile(fileId);
  }

  @Transactional
  public Milestone rename(UUID id, String name, Caller caller) {
    return update(id, new MilestoneChange(Names.required("name", name), null, null), caller);
  }

  @Transactional
  public Milestone update(UUID id, MilestoneChange change, Caller caller) {
    String name = Names.optional("name", change.name());
    String description = checkedDescription(change.description());
    Milestone current = get(id);

    Milestone changed =
        new Milestone(
            id,
            name != null ? name : current.name(),
            description != null ? description : current.description(),
            current.fileId(),
            change.organizationPublic() != null
                ? change.organizationPublic()
                : current.organizationPublic(),
            current.created(),
            current.createdBy(),
            Author.now(),
            Author.of(caller));
    if (!milestones.update(changed)) {
      throw notFound(id);
    }
    return changed;
  }

  @Transactional
  public void delete(UUID id) {
    if (!milestones.delete(id)) {
      throw notFound(id);
    }
  }

  /** Searches with the filter and sort fields of {@code MilestoneMetadataDto}. */
  @Transactional(readOnly = true)
  public SearchResult<Milestone> search(SearchQuery query) {
    return milestones.search(MilestoneRepository.MILESTONE_SEARCH, query);
  }

  /** Searches with the filter and sort fields of the version metadata. */
  @Transactional(readOnly = true)
  public SearchResult<Milestone> searchVersions(SearchQuery query) {
    return milestones.search(MilestoneRepository.VERSION_SEARCH, query);
  }

  /**
   * Makes the milestone's content the file's content again, as a new revision of the file.
   *
   * @return the milestone, unchanged
   */
  @Transactional
  public Milestone restore(UUID id, Caller caller) {
    StoredMilestone milestone = getWithContent(id);

    files.replaceContent(milestone.metadata().fileId(), milestone.content(), caller);
    return milestone.metadata();
  }

  /**
   * Checks that both milestones exist and belong to one file.
   *
   * @throws NotFoundException when either does not exist
   * @throws InvalidRequestException when they belong to different files
   */
  @Transactional(readOnly = true)
  public Comparison compare(UUID baselineId, UUID comparedId) {
    Milestone baseline = get(baselineId);
    Milestone compared = get(comparedId);

    if (!baseline.fileId().equals(compared.fileId())) {
      throw new InvalidRequestException(
          "Milestones "
              + baselineId
              + " and "
              + comparedId
              + " belong to different files; only milestones of one file can be compared.");
    }
    return new Comparison(baseline.fileId(), baselineId, comparedId);
  }

  /**
   * Where the visual diff of a comparison is shown: {@code
   * <server-url>/diagrams/<fileId>/<kind>/<first>...<second>}, {@code kind} being {@code
   * milestones} or {@code versions}.
   */
  public String comparisonUrl(Comparison comparison, String kind) {
    return serverUrl
        + "/diagrams/"
        + comparison.fileId()
        + "/"
        + kind
        + "/"
        + comparison.baselineId()
        + "..."
        + comparison.comparedId();
  }

  private Milestone capture(UUID fileId, String name, String description, Caller caller) {
    if (fileId == null) {
      throw InvalidRequestException.field("fileId", "must not be null");
    }
    StoredFile file = files.getWithContent(fileId);
    String checkedName = name != null ? name : "Version " + (milestones.countByFile(fileId) + 1);

    Author author = Author.of(caller);
    Instant now = Author.now();
    Milestone milestone =
        new Milestone(
            UUID.randomUUID(), checkedName, description, fileId, false, now, author, now, author);
    milestones.insert(milestone, file.content());
    return milestone;
  }

  private static String checkedDescription(String description) {
    if (description != null) {
      Names.checkUnicode("description", description);
    }
    return description;
  }

  private static NotFoundException notFound(UUID id) {
    return NotFoundException.of("Milestone", id);
  }
}
