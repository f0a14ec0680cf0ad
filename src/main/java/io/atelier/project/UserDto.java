package io.atelier.project;

/** A v1 user reference: display name and email (null for API clients). */
public record UserDto(String name, String email) {

  public static UserDto of(Author author) {
    return new UserDto(author.name(), author.email());
  }
}
