package io.atelier.web;

import java.util.Map;

/** The request conflicts with the stored state (stale revision, non-empty folder): 409. */
public final class ConflictException extends ApiException {

  private final String betaReason;

  public ConflictException(String detail, String betaReason, Map<String, Object> properties) {
    super(detail, properties);
    this.betaReason = betaReason;
  }

  public ConflictException(String detail) {
    this(detail, "CONFLICT", Map.of());
  }

  /** A project or folder that cannot be deleted because files remain in it. */
  public static ConflictException notEmpty(String kind, java.util.UUID id, int files) {
    String count = files + (files == 1 ? " file" : " files");
    return new ConflictException(
        kind
            + " "
            + id
            + " still contains "
            + count
            + "; delete or move "
            + (files == 1 ? "it" : "them")
            + " first.",
        "CONFLICT",
        Map.of("fileCount", files));
  }

  /** The reason code the beta error envelope carries, such as {@code REVISION_CONFLICT}. */
  public String betaReason() {
    return betaReason;
  }
}
