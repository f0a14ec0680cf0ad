package io.atelier.collaborator;

import java.util.List;

/** One page of matching collaborators and the number of all matches. */
public record PubSearchResultDtoProjectCollaboratorDto(
    List<ProjectCollaboratorDto> items, int total) {}
