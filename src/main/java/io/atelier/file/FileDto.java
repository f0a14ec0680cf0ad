package io.atelier.file;

/** A file with its content, exactly as stored. */
public record FileDto(FileMetadataDto metadata, String content) {}
