package io.atelier.user;

/**
 * A person Atelier knows: seen in a user token, or declared in {@code atelier.identity.users}.
 *
 * @param email the address as last seen or declared
 * @param subject the token's {@code sub}; null while a declared user has not called Atelier
 * @param name the display name
 */
public record KnownUser(String email, String subject, String name) {}
