package io.atelier.project;

/** A project with all its folders and files. */
public record ProjectDto(ProjectMetadataDto metadata, ProjectContent content) {}
