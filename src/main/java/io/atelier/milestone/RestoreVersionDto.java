package io.atelier.milestone;

/** Optional body of {@code POST /api/v1/versions/{versionId}/restore}, naming the same version. */
public record RestoreVersionDto(String versionId) {}
