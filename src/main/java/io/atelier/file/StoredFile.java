package io.atelier.file;

/** A file's metadata and its content, exactly as stored. */
public record StoredFile(ModelFile metadata, String content) {}
