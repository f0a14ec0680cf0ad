package io.atelier.info;

/** What the info endpoint reports: the API version and what the calling token may do. */
public record InfoDto(
    String version,
    String authorizedOrganization,
    boolean createPermission,
    boolean readPermission,
    boolean updatePermission,
    boolean deletePermission) {}
