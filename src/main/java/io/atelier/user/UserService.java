package io.atelier.user;

import io.atelier.identity.IdentityProperties;
import io.atelier.project.Author;
import io.atelier.security.Caller;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people Atelier knows, so they can be made collaborators: everyone who has called the API with
 * a user token (subject, email, name), and everyone declared in {@code atelier.identity.users}. A
 * known email that arrives with a new {@code sub} is updated to it, rather than refused as Web
 * Modeler's duplicate-key error does. What was last written is remembered in memory, so a user's
 * requests cost a database write only when something about them changed.
 */
@Service
public class UserService implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(UserService.class);

  private final UserRepository users;
  private final IdentityProperties identity;
  private final Map<String, KnownUser> written = new ConcurrentHashMap<>();

  UserService(UserRepository users, IdentityProperties identity) {
    this.users = users;
    this.identity = identity;
  }

  /** The user known under this email, in any letter case. */
  @Transactional(readOnly = true)
  public Optional<KnownUser> find(String email) {
    return users.find(Emails.key(email));
  }

  /**
   * Records the caller of a user token; client tokens (no email) are not users. Runs without a
   * transaction on purpose: each statement commits on its own, so when two first requests of one
   * user race, the losing insert fails alone and its update still runs (PostgreSQL would refuse
   * every later statement of a transaction that saw a failed insert).
   */
  public void remember(Caller caller) {
    if (!caller.isUser()) {
      return;
    }
    KnownUser seen = new KnownUser(caller.email(), caller.subject(), caller.name());
    String key = Emails.key(seen.email());
    if (seen.equals(written.get(key))) {
      return;
    }

    Optional<KnownUser> stored = users.find(key);
    if (!stored.map(seen::equals).orElse(false)) {
      stored
          .filter(before -> before.subject() != null && !before.subject().equals(seen.subject()))
          .ifPresent(before -> log.info("User {} now has token subject {}", key, seen.subject()));
      users.save(seen, Author.now());
    }
    written.put(key, seen);
  }

  /** Adds the declared users not known yet; a declared user who has called keeps the token's. */
  @Override
  public void run(ApplicationArguments arguments) {
    for (IdentityProperties.User declared : identity.users()) {
      if (declared.email() == null || declared.email().isBlank()) {
        log.warn("Ignoring a user declared in atelier.identity.users without an email");
        continue;
      }
      Optional<KnownUser> stored = users.find(Emails.key(declared.email()));
      if (stored.isEmpty() || stored.get().subject() == null) {
        String name = Objects.requireNonNullElse(declared.name(), declared.email());
        users.save(new KnownUser(declared.email(), null, name), Author.now());
      }
    }
  }
}
